import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A small labelled value in a page's summary (stage, reference, dates…). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

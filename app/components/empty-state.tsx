import { Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

export function EmptyState({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" bg="gray.0" data-testid="empty-state">
      <Stack gap={6} align="flex-start">
        <Text fw={600}>{title}</Text>
        <Text c="dimmed" size="sm">
          {body}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

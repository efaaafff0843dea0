// The save state, worded so it never claims more than is true (editor/view/save-status.ts), and
// announced to screen readers as it changes.
import { Group, Loader, Text } from "@mantine/core";
import { IconCloudCheck, IconCloudOff, IconEye } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "~/editor/view/editor-session";

export function SaveIndicator({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const offlineReader = !state.editable && state.connection === "disconnected";
  const key = offlineReader
    ? "editor.save.disconnected"
    : state.save === "saving" && state.connection === "connecting"
      ? "editor.save.connecting"
      : `editor.save.${state.save}`;
  const icon =
    state.save === "saved" ? (
      <IconCloudCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
    ) : state.save === "offline" || offlineReader ? (
      <IconCloudOff size={18} color="var(--mantine-color-orange-7)" aria-hidden />
    ) : state.save === "readOnly" ? (
      <IconEye size={18} color="var(--mantine-color-gray-6)" aria-hidden />
    ) : (
      <Loader size={14} aria-hidden />
    );
  return (
    <Group gap={6} wrap="nowrap" role="status" title={t("editor.save.label")} data-testid="save-status" data-status={state.save}>
      {icon}
      <Text size="sm" c={state.save === "offline" ? "orange.8" : "dimmed"}>
        {t(key)}
      </Text>
    </Group>
  );
}

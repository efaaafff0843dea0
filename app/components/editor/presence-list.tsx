// Who is in the document now: one avatar per open tab, in the colour of that person's cursor.
import { Avatar, Group, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PresenceUser } from "~/editor/view/editor-session";

const SHOWN = 6;

function initials(name: string): string {
  const trimmed = name.trim();
  // Chinese names read by their family name; Latin ones by their initials.
  if (/^[\u4e00-\u9fff]/.test(trimmed)) return trimmed.slice(0, 1);
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.slice(0, 1).toUpperCase())
    .join("");
}

export function PresenceList({ users }: { users: readonly PresenceUser[] }) {
  const { t } = useTranslation();
  const shown = users.slice(0, SHOWN);
  const hidden = users.length - shown.length;
  const names = (user: PresenceUser) => (user.isSelf ? t("editor.presence.you", { name: user.name }) : user.name);

  return (
    <Group gap="xs" wrap="nowrap" data-testid="presence">
      <VisuallyHidden>{t("editor.presence.title")}</VisuallyHidden>
      <Avatar.Group spacing="sm">
        {shown.map((user) => (
          <Tooltip key={user.clientId} label={names(user)} withArrow>
            <Avatar
              radius="xl"
              size="md"
              variant="filled"
              color={user.color}
              aria-label={names(user)}
              data-testid="presence-user"
              data-name={user.name}
            >
              {initials(user.name)}
            </Avatar>
          </Tooltip>
        ))}
        {hidden > 0 ? (
          <Tooltip label={users.slice(SHOWN).map(names).join("、")} withArrow>
            <Avatar radius="xl" size="md" aria-label={t("editor.presence.more", { count: hidden })}>
              +{hidden}
            </Avatar>
          </Tooltip>
        ) : null}
      </Avatar.Group>
      {users.length === 1 ? (
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {names(users[0])}
        </Text>
      ) : null}
    </Group>
  );
}

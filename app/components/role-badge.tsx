import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Role } from "~/policies/roles";

const colors: Record<Role, string> = {
  CHAIR: "grape",
  SECRETARY: "indigo",
  EDITOR: "teal",
  MEMBER: "blue",
  OBSERVER: "gray",
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[role]} variant="light" data-testid="role-badge">
      {t(`roles.${role}`)}
    </Badge>
  );
}

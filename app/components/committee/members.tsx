import { ActionIcon, Button, Checkbox, Group, Menu, NativeSelect, Popover, Stack, Table, Text } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoleBadge } from "~/components/role-badge";
import type { Role } from "~/policies/roles";

type Member = {
  id: string;
  role: Role;
  votingRight: boolean;
  manageable: boolean;
  user: { id: string; name: string; email: string; affiliation: string };
};

export function MembersTable({ memberships, assignableRoles }: { memberships: Member[]; assignableRoles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("committee.name")}</Table.Th>
            <Table.Th>{t("committee.affiliation")}</Table.Th>
            <Table.Th>{t("committee.role")}</Table.Th>
            <Table.Th>{t("committee.votingRight")}</Table.Th>
            <Table.Th>
              <span className="visually-hidden">{t("committee.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.map((m) => (
            <Table.Tr key={m.id} data-testid="member-row" data-email={m.user.email}>
              <Table.Td>
                <Text fw={500}>{m.user.name}</Text>
                <Text size="xs" c="dimmed">
                  {m.user.email}
                </Text>
              </Table.Td>
              <Table.Td>{m.user.affiliation || "—"}</Table.Td>
              <Table.Td>
                <RoleBadge role={m.role} />
              </Table.Td>
              <Table.Td>{m.votingRight ? t("committee.voting") : t("committee.nonVoting")}</Table.Td>
              <Table.Td>{m.manageable ? <MemberActions member={m} assignableRoles={assignableRoles} /> : null}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberActions({ member, assignableRoles }: { member: Member; assignableRoles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      <Popover width={280} position="bottom-end" withArrow trapFocus>
        <Popover.Target>
          <Button size="compact-sm" variant="default">
            {t("committee.changeRole")}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Form method="post">
            <input type="hidden" name="intent" value="changeRole" />
            <input type="hidden" name="membershipId" value={member.id} />
            <Stack gap="sm">
              <NativeSelect
                name="role"
                label={t("committee.role")}
                defaultValue={member.role}
                data={assignableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
              <Checkbox name="votingRight" label={t("committee.voting")} defaultChecked={member.votingRight} />
              <Button type="submit" size="sm">
                {t("form.save")}
              </Button>
            </Stack>
          </Form>
        </Popover.Dropdown>
      </Popover>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" color="red" aria-label={`${t("committee.remove")}: ${member.user.name}`}>
            ×
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("committee.removeConfirm", { name: member.user.name })}</Menu.Label>
          <Form method="post">
            <input type="hidden" name="intent" value="removeMember" />
            <input type="hidden" name="membershipId" value={member.id} />
            <Menu.Item component="button" type="submit" color="red">
              {t("committee.remove")}
            </Menu.Item>
          </Form>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

import { Button, Checkbox, Group, NativeSelect, Paper, Table, Text, TextInput, Title } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useIntentFieldErrors } from "~/components/action-notice";
import { RoleBadge } from "~/components/role-badge";
import type { Role } from "~/policies/roles";
import { useFormatDate } from "~/utils/localized";

export function InviteForm({ assignableRoles }: { assignableRoles: readonly Role[] }) {
  const { t } = useTranslation();
  const fieldError = useIntentFieldErrors("invite");
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  const formRef = useRef<HTMLFormElement>(null);
  const wasSubmitting = useRef(false);
  useEffect(() => {
    if (wasSubmitting.current && !submitting && !fieldError("email")) formRef.current?.reset();
    wasSubmitting.current = submitting;
  });

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {t("committee.invite")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("committee.inviteLead")}
      </Text>
      <Form method="post" ref={formRef} noValidate aria-label={t("committee.invite")}>
        <input type="hidden" name="intent" value="invite" />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput name="email" type="email" label={t("committee.email")} required error={fieldError("email")} w={260} />
          <TextInput name="name" label={t("committee.inviteName")} error={fieldError("name")} w={180} />
          <NativeSelect
            name="role"
            label={t("committee.role")}
            defaultValue="MEMBER"
            data={assignableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            error={fieldError("role")}
          />
          <Checkbox name="votingRight" label={t("committee.voting")} defaultChecked mb={8} />
          <Button type="submit" loading={submitting}>
            {t("committee.inviteSend")}
          </Button>
        </Group>
      </Form>
    </Paper>
  );
}

type Invitation = { id: string; email: string; name: string; role: Role; expiresAt: string | Date };

export function InvitationsList({ invitations, canRevoke }: { invitations: Invitation[]; canRevoke: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {t("committee.invitations")}
      </Title>
      {invitations.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("committee.noInvitations")}
        </Text>
      ) : (
        <Table data-testid="invitations-table">
          <Table.Tbody>
            {invitations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text>{i.email}</Text>
                  {i.name ? (
                    <Text size="xs" c="dimmed">
                      {i.name}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={i.role} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t("committee.expires", { date: formatDate(i.expiresAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canRevoke ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeInvitation" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button type="submit" size="compact-sm" variant="subtle" color="red">
                        {t("committee.revoke")}
                      </Button>
                    </Form>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}


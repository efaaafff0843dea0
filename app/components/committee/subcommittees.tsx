import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useIntentFieldErrors } from "~/components/action-notice";
import { useLocalized } from "~/utils/localized";

type Sub = { id: string; code: string; kind: "TC" | "SC" | "WG"; nameZh: string; nameEn: string };

export function SubcommitteesList({ subcommittees }: { subcommittees: Sub[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (subcommittees.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t("committee.noSubcommittees")}
      </Text>
    );
  }
  return (
    <Table verticalSpacing="sm">
      <Table.Tbody>
        {subcommittees.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td w={100}>
              <Badge variant="outline">{c.code}</Badge>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/committees/${c.id}`}>
                {localized(c)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {t(`committeeKinds.${c.kind}`)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Shared by the committee page (sub-committees) and the organization page (top-level committees). */
export function CommitteeFormFields({ intent, kinds }: { intent: string; kinds: readonly ("TC" | "SC" | "WG")[] }) {
  const { t } = useTranslation();
  const fieldError = useIntentFieldErrors(intent);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect name="kind" label={t("organization.kind")} data={kinds.map((k) => ({ value: k, label: t(`committeeKinds.${k}`) }))} />
      <TextInput name="code" label={t("organization.code")} required error={fieldError("code")} w={120} />
      <TextInput name="nameZh" label={t("organization.nameZh")} required error={fieldError("nameZh")} w={240} />
      <TextInput name="nameEn" label={t("organization.nameEn")} required error={fieldError("nameEn")} w={240} />
    </Group>
  );
}

export function CreateSubcommitteeForm() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "createSubcommittee";
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {t("committee.createSubcommittee")}
      </Title>
      <Form method="post" noValidate aria-label={t("committee.createSubcommittee")}>
        <input type="hidden" name="intent" value="createSubcommittee" />
        <Stack gap="sm">
          <CommitteeFormFields intent="createSubcommittee" kinds={["WG", "SC"]} />
          <Group>
            <Button type="submit" loading={submitting}>
              {t("form.create")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, Stack, Table, TextInput, Title } from "@mantine/core";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice, useIntentFieldErrors } from "~/components/action-notice";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { createOrganizationSchema } from "~/forms/organization";
import { createOrganization, listOrganizations } from "~/models/organization.server";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { useLocalized } from "~/utils/localized";
import { requireAdmin } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { organizations: await listOrganizations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = createOrganizationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return invalidForm("createOrganization", parsed.error);
  let slug = "";
  const result = await withAppErrors("createOrganization", {}, async () => {
    slug = (await createOrganization({ ...parsed.data, actorId: admin.id })).slug;
    return { ok: true, intent: "createOrganization", message: "organization.created" };
  });
  return slug ? redirect(`/orgs/${slug}`) : result;
}

export default function Admin() {
  const { organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldError = useIntentFieldErrors("createOrganization");
  const navigation = useNavigation();
  return (
    <Stack gap="xl">
      <Title order={1}>{t("admin.title")}</Title>
      <ActionNotice />
      <section>
        <Title order={2} size="h3" mb="sm">
          {t("admin.organizations")}
        </Title>
        {organizations.length === 0 ? (
          <EmptyState title={t("admin.noOrganizations")} body={t("admin.noOrganizationsBody")} />
        ) : (
          <Table verticalSpacing="sm">
            <Table.Tbody>
              {organizations.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${o.slug}`}>
                      {localized(o)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{o.codePrefix}</Table.Td>
                  <Table.Td>{t("organization.committees")}: {o._count.committees}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.createOrganization")}
        </Title>
        <Form method="post" noValidate aria-label={t("admin.createOrganization")}>
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput name="slug" label={t("admin.slug")} placeholder="gba" required error={fieldError("slug")} w={180} />
              <TextInput name="nameZh" label={t("organization.nameZh")} required error={fieldError("nameZh")} w={280} />
              <TextInput name="nameEn" label={t("organization.nameEn")} required error={fieldError("nameEn")} w={280} />
              <TextInput name="codePrefix" label={t("admin.codePrefix")} description={t("admin.codePrefixHint")} error={fieldError("codePrefix")} w={220} />
            </Group>
            <Group>
              <Button type="submit" loading={navigation.state === "submitting"}>
                {t("form.create")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

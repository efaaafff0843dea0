import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice } from "~/components/action-notice";
import { CommitteeFormFields } from "~/components/committee/subcommittees";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoleBadge } from "~/components/role-badge";
import { createTopCommitteeSchema } from "~/forms/organization";
import { requireOrganizationAccess } from "~/models/access.server";
import { createCommittee, listVisibleCommittees } from "~/models/committee.server";
import { getOrganization } from "~/models/organization.server";
import { canInOrganization } from "~/policies/committee";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { useLocalized } from "~/utils/localized";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organizationId, standing } = await requireOrganizationAccess(request, params.slug ?? "", "view");
  const [organization, committees] = await Promise.all([
    getOrganization(organizationId),
    listVisibleCommittees(user, { organizationId }),
  ]);
  return {
    organization: { ...organization, admins: standing.isOrgAdmin || standing.isSiteAdmin ? organization.admins : [] },
    committees,
    canCreateCommittee: canInOrganization(standing, "createCommittee"),
    canManageStageModels: canInOrganization(standing, "manageStageModels"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organizationId } = await requireOrganizationAccess(request, params.slug ?? "", "createCommittee");
  const parsed = createTopCommitteeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return invalidForm("createCommittee", parsed.error);
  const { parentId, ...input } = parsed.data;
  return withAppErrors("createCommittee", {}, async () => {
    if (parentId) {
      const parent = await prisma.committee.findFirst({ where: { id: parentId, organizationId }, select: { id: true } });
      if (!parent) throw new AppError("BAD_REQUEST", "errors.badRequest.title");
    }
    await createCommittee({ organizationId, parentId: parentId || null, actorId: user.id, ...input });
    return { ok: true, intent: "createCommittee", message: "organization.created" };
  });
}

export default function OrganizationPage() {
  const { organization, committees, canCreateCommittee, canManageStageModels } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigation = useNavigation();
  const byId = new Map(committees.map((c) => [c.id, c]));
  // Parents before children, so the list reads as the committee tree.
  const depth = (id: string | null): number => {
    const c = id ? byId.get(id) : undefined;
    return c && c.parentId ? 1 + depth(c.parentId) : 0;
  };
  const ordered = [...committees].sort((a, b) => {
    const pathOf = (c: typeof a): string => {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      return parent ? `${pathOf(parent)}/${c.code}` : c.code;
    };
    return pathOf(a).localeCompare(pathOf(b));
  });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{localized(organization)}</Title>
        <Text c="dimmed">{localized({ nameZh: organization.nameEn, nameEn: organization.nameZh })}</Text>
        {canManageStageModels ? (
          <Anchor component={Link} to={`/orgs/${organization.slug}/stage-models`} size="sm">
            {t("approval.model.title")}
          </Anchor>
        ) : null}
      </div>
      <ActionNotice />
      <section>
        <Title order={2} size="h3" mb="sm">
          {t("organization.committees")}
        </Title>
        {committees.length === 0 ? (
          <EmptyState title={t("organization.noCommittees")} body={t("organization.noCommitteesBody")} />
        ) : (
          <Table verticalSpacing="sm" data-testid="committee-tree">
            <Table.Tbody>
              {ordered.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ paddingLeft: 12 + depth(c.id) * 24 }}>
                    <Group gap="sm" wrap="nowrap">
                      <Badge variant="outline">{c.code}</Badge>
                      <Anchor component={Link} to={`/committees/${c.id}`}>
                        {localized(c)}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`committeeKinds.${c.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.myRole ? <RoleBadge role={c.myRole} /> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      {organization.admins.length > 0 ? (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t("organization.admins")}
          </Title>
          <Text size="sm">{organization.admins.map((a) => `${a.user.name} <${a.user.email}>`).join(", ")}</Text>
        </section>
      ) : null}
      {canCreateCommittee ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("organization.createCommittee")}
          </Title>
          <Form method="post" noValidate aria-label={t("organization.createCommittee")}>
            <Stack gap="sm">
              <NativeSelect
                name="parentId"
                label={t("organization.parent")}
                w={320}
                data={[{ value: "", label: t("organization.noParent") }, ...ordered.map((c) => ({ value: c.id, label: `${c.code} ${localized(c)}` }))]}
              />
              <CommitteeFormFields intent="createCommittee" kinds={["TC", "SC", "WG"]} />
              <Group>
                <Button type="submit" loading={navigation.state === "submitting"}>
                  {t("form.create")}
                </Button>
              </Group>
            </Stack>
          </Form>
        </Paper>
      ) : null}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

import { Anchor, Badge, Button, Code, Group, Menu, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice, useIntentFieldErrors } from "~/components/action-notice";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { versionActionSchema } from "~/forms/version";
import { requireProjectAccess } from "~/models/access.server";
import { getProject } from "~/models/project.server";
import { createVersion, listVersions, restoreVersion } from "~/models/version.server";
import { stageNamesOfProjectModel } from "~/models/stage-model.server";
import { useStageName } from "~/components/approval/stage-name";
import { canOnProject } from "~/policies/committee";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { invariantResponse } from "~/utils/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.reference} · Versions · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { standing } = await requireProjectAccess(request, projectId, "readDocument");
  const project = await getProject(projectId);
  invariantResponse(project, "Not found", { status: 404 });
  return {
    project: { id: project.id, reference: project.reference, titleZh: project.titleZh, titleEn: project.titleEn },
    versions: await listVersions(projectId),
    stageNames: await stageNamesOfProjectModel(projectId),
    can: { create: canOnProject(standing, "createVersion"), restore: canOnProject(standing, "restoreVersion") },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const projectId = params.projectId ?? "";
  const formData = await request.formData();
  const parsed = versionActionSchema.safeParse(Object.fromEntries(formData));
  const intent = String(formData.get("intent") ?? "");
  if (!parsed.success) {
    await requireProjectAccess(request, projectId, "readDocument");
    return invalidForm(intent, parsed.error);
  }
  const input = parsed.data;
  if (input.intent === "createVersion") {
    const { user } = await requireProjectAccess(request, projectId, "createVersion");
    return withAppErrors(input.intent, { label: input.label }, async () => {
      await createVersion({ projectId, label: input.label, note: input.note, actorId: user.id });
      return { ok: true, intent: input.intent, message: "versions.created", params: { label: input.label } };
    });
  }
  const { user, standing } = await requireProjectAccess(request, projectId, "restoreVersion");
  return withAppErrors(input.intent, {}, async () => {
    await restoreVersion({ projectId, versionId: input.versionId, actorId: user.id, standing });
    return { ok: true, intent: input.intent, message: "versions.restored" };
  });
}

export default function VersionsPage() {
  const { project, versions, can, stageNames } = useLoaderData<typeof loader>();
  const stageName = useStageName();
  const { t, i18n } = useTranslation();
  const fieldError = useIntentFieldErrors("createVersion");
  const navigation = useNavigation();
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  const newestFirst = [...versions].reverse();

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
          ← {project.reference}
        </Anchor>
        <Title order={1} mt={4}>
          {t("versions.title")}
        </Title>
        <Text c="dimmed">{t("versions.lead")}</Text>
        <Anchor component={Link} to={`/projects/${project.id}/history`} size="sm">
          {t("history.title")} →
        </Anchor>
      </div>
      <ActionNotice />
      {can.create ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("versions.create")}
          </Title>
          <Form method="post" noValidate aria-label={t("versions.create")}>
            <input type="hidden" name="intent" value="createVersion" />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput name="label" label={t("versions.label")} placeholder={t("versions.labelPlaceholder")} required error={fieldError("label")} w={260} />
              <Textarea name="note" label={t("versions.note")} autosize minRows={1} error={fieldError("note")} w={360} />
              <Button type="submit" loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "createVersion"}>
                {t("versions.createButton")}
              </Button>
            </Group>
          </Form>
        </Paper>
      ) : null}
      {versions.length === 0 ? (
        <EmptyState title={t("versions.emptyTitle")} body={t("versions.emptyBody")} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" data-testid="versions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("versions.label")}</Table.Th>
                <Table.Th>{t("versions.stage")}</Table.Th>
                <Table.Th>{t("versions.madeBy")}</Table.Th>
                <Table.Th>{t("versions.fingerprint")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst.map((v) => {
                const index = versions.findIndex((x) => x.id === v.id);
                const previous = index > 0 ? versions[index - 1] : undefined;
                return (
                  <Table.Tr key={v.id} data-testid="version-row" data-label={v.label}>
                    <Table.Td>
                      <Anchor component={Link} to={`/projects/${project.id}/versions/${v.id}`} fw={600}>
                        {v.label}
                      </Anchor>
                      {v.note ? (
                        <Text size="xs" c="dimmed">
                          {v.note}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{stageName(stageNames[v.stage], v.stage)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.createdBy}</Text>
                      <Text size="xs" c="dimmed">
                        {format.format(new Date(v.createdAt))}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code title={v.fingerprint}>{v.fingerprint.slice(0, 12)}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button component={Link} size="compact-sm" variant="default" to={`/projects/${project.id}/compare?from=${v.id}&to=live`}>
                          {t("versions.compareLive")}
                        </Button>
                        {previous ? (
                          <Button component={Link} size="compact-sm" variant="default" to={`/projects/${project.id}/compare?from=${previous.id}&to=${v.id}`}>
                            {t("versions.comparePrevious")}
                          </Button>
                        ) : null}
                        {can.restore ? (
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <Button size="compact-sm" variant="subtle">
                                {t("versions.restore")}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Label>{t("versions.restoreConfirm", { label: v.label })}</Menu.Label>
                              <Form method="post">
                                <input type="hidden" name="intent" value="restoreVersion" />
                                <input type="hidden" name="versionId" value={v.id} />
                                <Menu.Item component="button" type="submit">
                                  {t("versions.restoreButton")}
                                </Menu.Item>
                              </Form>
                            </Menu.Dropdown>
                          </Menu>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

// The comment resolution register of a project: every comment in clause order with its decision, for
// one comment period, for comments outside any period, or for all; exports (ISO/IEC template XLSX,
// 征求意见汇总处理表 XLSX and DOCX) and the import of a filled-in ISO/IEC template.
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { RegisterImportError } from "~/comments/register-import.server";
import { requireProjectAccess } from "~/models/access.server";
import { importRegisterFile, listPeriods, mainDocumentId, MAX_REGISTER_FILE_BYTES, registerOf, scopeOf } from "~/models/comment-register.server";
import { canOnProject } from "~/policies/committee";
import { AppError } from "~/utils/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.reference} · Register · Standards Studio` : "Standards Studio" },
];

function notFoundOnAppError(error: unknown): never {
  if (error instanceof AppError) throw new Response("Not found", { status: error.status });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { standing } = await requireProjectAccess(request, projectId, "readDocument");
  const { scope, key } = await scopeOf(projectId, new URL(request.url).searchParams.get("period")).catch(notFoundOnAppError);
  const [register, periods, documentId] = await Promise.all([registerOf(projectId, scope), listPeriods(projectId), mainDocumentId(projectId)]).catch(
    notFoundOnAppError,
  );
  return {
    project: { id: projectId, reference: register.header.project, title: register.header.title },
    documentId,
    scope: key,
    periods: periods.map((p) => ({ id: p.id, title: p.title, closed: p.closedAt !== null || p.closesAt.getTime() <= Date.now() })),
    entries: register.entries,
    can: { import: canOnProject(standing, "importRegister"), managePeriods: canOnProject(standing, "manageCommentPeriods") },
  };
}

type ImportAnswer = { ok: true; imported: number } | { ok: false; errors: RegisterImportError[] } | { ok: false; error: string };

export async function action({ request, params }: ActionFunctionArgs): Promise<ImportAnswer | Response> {
  const projectId = params.projectId ?? "";
  const { user, standing, committeeId } = await requireProjectAccess(request, projectId, "importRegister");
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_REGISTER_FILE_BYTES + 64 * 1024) return Response.json({ ok: false, error: "comments.errors.tooLarge" }, { status: 413 });
  const formData = await request.formData();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return Response.json({ ok: false, error: "comments.errors.fileRequired" }, { status: 400 });
  if (file.size > MAX_REGISTER_FILE_BYTES) return Response.json({ ok: false, error: "comments.errors.tooLarge" }, { status: 413 });
  const documentId = await mainDocumentId(projectId);
  try {
    const outcome = await importRegisterFile(
      { userId: user.id, standing, projectId, committeeId, documentId },
      { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || "register.xlsx" },
    );
    return Response.json(outcome, { status: outcome.ok ? 200 : 400 });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ ok: false, error: error.userMessageKey }, { status: error.status });
    throw error;
  }
}

export default function RegisterPage() {
  const { project, documentId, scope, periods, entries, can } = useLoaderData<typeof loader>();
  const answer = useActionData<ImportAnswer>();
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const submit = useSubmit();
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium" });
  const exportQuery = `?period=${encodeURIComponent(searchParams.get("period") ?? scope)}`;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
          ← {project.reference}
        </Anchor>
        <Title order={1} mt={4}>
          {t("comments.register.title")}
        </Title>
        <Text c="dimmed">{t("comments.register.lead")}</Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label={t("comments.register.scope")}
          value={scope}
          w={320}
          allowDeselect={false}
          onChange={(value) => submit({ period: value ?? "all" }, { method: "get" })}
          data={[
            ...periods.map((p) => ({ value: p.id, label: `${p.title}${p.closed ? ` (${t("comments.periods.closed")})` : ""}` })),
            { value: "live", label: t("comments.register.outsidePeriods") },
            { value: "all", label: t("comments.register.all") },
          ]}
          data-testid="register-scope"
        />
        <Group gap="xs">
          <Button component="a" href={`/projects/${project.id}/register/iso.xlsx${exportQuery}`} variant="default" data-testid="export-iso">
            {t("comments.register.exportIso")}
          </Button>
          <Button component="a" href={`/projects/${project.id}/register/cn.xlsx${exportQuery}`} variant="default" data-testid="export-cn-xlsx">
            {t("comments.register.exportCnXlsx")}
          </Button>
          <Button component="a" href={`/projects/${project.id}/register/cn.docx${exportQuery}`} variant="default" data-testid="export-cn-docx">
            {t("comments.register.exportCnDocx")}
          </Button>
          <Button component={Link} to={`/documents/${documentId}`} variant="light">
            {t("comments.register.openEditor")}
          </Button>
          {can.managePeriods ? (
            <Button component={Link} to={`/projects/${project.id}/comment-periods`} variant="light">
              {t("comments.periods.title")}
            </Button>
          ) : null}
        </Group>
      </Group>

      {can.import ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t("comments.register.importTitle")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("comments.register.importLead")}
          </Text>
          <Form method="post" encType="multipart/form-data" aria-label={t("comments.register.importTitle")}>
            <Group align="flex-end" gap="sm">
              <FileInput name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" label={t("comments.register.file")} w={320} clearable data-testid="import-file" />
              <Button type="submit" loading={navigation.state === "submitting"} data-testid="import-submit">
                {t("comments.register.importButton")}
              </Button>
            </Group>
          </Form>
          {answer ? (
            answer.ok ? (
              <Alert color="green" mt="sm" data-testid="import-done">
                {t("comments.register.imported", { count: answer.imported })}
              </Alert>
            ) : "errors" in answer ? (
              <Alert color="red" mt="sm" title={t("comments.register.importFailed")} data-testid="import-errors">
                <ul>
                  {answer.errors.map((e, index) => (
                    <li key={index} data-row={e.row ?? ""} data-column={e.column ?? ""}>
                      {e.row === null
                        ? t(`comments.${e.messageKey}`)
                        : t("comments.errors.importRow", { row: e.row, column: e.column ?? "—", message: t(`comments.${e.messageKey}`) })}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : (
              <Alert color="red" mt="sm" data-testid="import-errors">
                {t(answer.error)}
              </Alert>
            )
          ) : null}
        </Paper>
      ) : null}

      {entries.length === 0 ? (
        <EmptyState title={t("comments.register.emptyTitle")} body={t("comments.register.emptyBody")} />
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs" striped data-testid="register-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("comments.register.columns.sequence")}</Table.Th>
                <Table.Th>{t("comments.register.columns.clause")}</Table.Th>
                <Table.Th>{t("comments.register.columns.type")}</Table.Th>
                <Table.Th>{t("comments.register.columns.organization")}</Table.Th>
                <Table.Th>{t("comments.register.columns.comment")}</Table.Th>
                <Table.Th>{t("comments.register.columns.proposedChange")}</Table.Th>
                <Table.Th>{t("comments.register.columns.disposition")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id} data-testid="register-row" data-comment-id={e.id}>
                  <Table.Td>{e.sequence}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/documents/${documentId}?comment=${e.id}`} data-testid="register-clause">
                      {e.clause}
                    </Anchor>
                    {e.element ? <Text size="xs">{e.element}</Text> : null}
                    {e.anchorLost ? (
                      <Badge color="orange" variant="light" size="xs">
                        {t("comments.margin.textDeleted")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`comments.registerTypes.${e.type}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.organization}</Text>
                    <Text size="xs" c="dimmed">
                      {e.author} · {format.format(new Date(e.createdAt))}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }} data-testid="register-comment">
                    {e.comment}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{e.proposedChange}</Table.Td>
                  <Table.Td data-testid="register-disposition">
                    {e.disposition ? (
                      <>
                        <Badge size="sm">{t(`comments.registerDecisions.${e.disposition.decision}`)}</Badge>
                        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                          {e.disposition.reason}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {e.disposition.decidedBy} · {format.format(new Date(e.disposition.decidedAt))}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("comments.status.undecided")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

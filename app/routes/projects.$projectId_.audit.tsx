import { Alert, Anchor, Badge, Code, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireProjectAccess } from "~/models/access.server";
import { verifyAuditChain } from "~/utils/audit-verify.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.project.reference} · Audit · Standards Studio` : "Standards Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  await requireProjectAccess(request, projectId, "view");
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { id: true, reference: true } });
  invariantResponse(project, "Not found", { status: 404 });
  const [verification, events] = await Promise.all([
    verifyAuditChain({ projectId }),
    prisma.auditEvent.findMany({
      where: { scope: `project:${projectId}` },
      orderBy: { seq: "asc" },
      select: { id: true, seq: true, at: true, actorId: true, type: true, payload: true, hash: true },
    }),
  ]);
  const actors = await prisma.user.findMany({ where: { id: { in: events.flatMap((e) => (e.actorId ? [e.actorId] : [])) } }, select: { id: true, name: true } });
  const names = Object.fromEntries(actors.map((a) => [a.id, a.name]));
  return {
    project,
    verification,
    events: events.map((e) => ({ ...e, id: e.id.toString(), actor: e.actorId ? names[e.actorId] ?? e.actorId : null, payload: JSON.stringify(e.payload) })),
  };
}

export default function AuditPage() {
  const { project, verification, events } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const dateTime = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "medium" });
  const brokenSeq = verification.ok ? null : verification.brokenAt.seq;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/projects/${project.id}/stage`} size="sm">
          ← {project.reference}
        </Anchor>
        <Title order={1} mt={4}>
          {t("approval.audit.title")}
        </Title>
        <Text c="dimmed">{t("approval.audit.lead")}</Text>
      </div>
      {verification.ok ? (
        <Alert color="green" data-testid="audit-verified" title={t("approval.audit.okTitle")}>
          {t("approval.audit.ok", { count: verification.events })}
        </Alert>
      ) : (
        <Alert color="red" data-testid="audit-broken" title={t("approval.audit.brokenTitle")}>
          {t("approval.audit.broken", { seq: verification.brokenAt.seq, reason: t(`approval.audit.reason.${verification.brokenAt.reason}`) })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t("approval.audit.when")}</Table.Th>
              <Table.Th>{t("approval.audit.event")}</Table.Th>
              <Table.Th>{t("approval.audit.actor")}</Table.Th>
              <Table.Th>{t("approval.audit.details")}</Table.Th>
              <Table.Th>{t("approval.audit.hash")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => {
              const state = brokenSeq === null || e.seq < brokenSeq ? "ok" : e.seq === brokenSeq ? "broken" : "unverified";
              return (
                <Table.Tr key={e.id} data-seq={e.seq} data-state={state} bg={state === "broken" ? "var(--mantine-color-red-light)" : undefined}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{dateTime.format(new Date(e.at))}</Table.Td>
                  <Table.Td>
                    <Code>{e.type}</Code>
                    {state === "broken" ? (
                      <Badge color="red" ml="xs">
                        {t("approval.audit.brokenHere")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{e.actor ?? t("approval.audit.system")}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
                      {e.payload}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code title={e.hash}>{e.hash.slice(0, 12)}</Code>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

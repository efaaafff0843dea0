// Comment periods of a project: the secretary (or chair) opens one on a frozen text — the current
// text is saved as a named version first, in the same transaction — with an end date and whether
// observers may comment, and closes it early if needed. While a period is open nobody edits the text;
// a background job closes periods whose end has passed.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice, useIntentFieldErrors } from "~/components/action-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { endOfDay, periodActionSchema } from "~/comments/period-form";
import { requireProjectAccess } from "~/models/access.server";
import { closeCommentPeriod, openCommentPeriodIn } from "~/models/comment-period.server";
import { listPeriods, mainDocumentId } from "~/models/comment-register.server";
import { notify } from "~/models/notification.server";
import { createVersion } from "~/models/version.server";
import { canOnProject } from "~/policies/committee";
import { emitAccessChanged } from "~/utils/access-events.server";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.reference} · Comment periods · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { standing } = await requireProjectAccess(request, projectId, "readDocument");
  const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, reference: true } });
  const periods = await listPeriods(projectId);
  const versions = await prisma.version.findMany({ where: { id: { in: periods.flatMap((p) => (p.versionId ? [p.versionId] : [])) } }, select: { id: true, label: true } });
  const labelOf = new Map(versions.map((v) => [v.id, v.label]));
  const now = Date.now();
  return {
    project,
    periods: periods.map((p) => ({
      id: p.id,
      title: p.title,
      opensAt: p.opensAt.toISOString(),
      closesAt: p.closesAt.toISOString(),
      open: p.closedAt === null && p.closesAt.getTime() > now,
      observersMayComment: p.observersMayComment,
      versionId: p.versionId,
      versionLabel: p.versionId ? (labelOf.get(p.versionId) ?? null) : null,
    })),
    can: { manage: canOnProject(standing, "manageCommentPeriods") },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { user, committeeId } = await requireProjectAccess(request, projectId, "manageCommentPeriods");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const parsed = periodActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm(intent, parsed.error);
  const input = parsed.data;
  if (input.intent === "close") {
    return withAppErrors(input.intent, {}, async () => {
      const closed = await closeCommentPeriod({ periodId: input.periodId, projectId, committeeId, actorId: user.id });
      if (!closed) throw new AppError("CONFLICT", "comments.periods.notOpen");
      return { ok: true, intent: input.intent, message: "comments.periods.closedNotice" };
    });
  }
  return withAppErrors(input.intent, { title: input.title }, async () => {
    const documentId = await mainDocumentId(projectId);
    const closesAt = endOfDay(input.closesOn);
    const period = await prisma.$transaction(
      async (tx) => {
        // The frozen text the period comments on, named after the period.
        const version = await createVersion({ projectId, label: input.title, note: "", actorId: user.id }, tx);
        return openCommentPeriodIn(tx, {
          projectId,
          documentId,
          versionId: version.id,
          title: input.title,
          closesAt,
          observersMayComment: input.observersMayComment,
          actorId: user.id,
          committeeId,
        });
      },
      { timeout: 30_000 },
    );
    emitAccessChanged({ committeeId });
    const members = await prisma.membership.findMany({ where: { committeeId }, select: { userId: true } });
    await notify({
      userIds: members.map((m) => m.userId).filter((id) => id !== user.id),
      kind: "comment_period.opened",
      payload: {
        titleZh: `征求意见开始：${period.title}`,
        titleEn: `Comment period opened: ${period.title}`,
        href: `/documents/${documentId}`,
        projectId,
      },
    });
    return { ok: true, intent: input.intent, message: "comments.periods.openedNotice", params: { title: period.title } };
  });
}

export default function CommentPeriodsPage() {
  const { project, periods, can } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const fieldError = useIntentFieldErrors("open");
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  const anyOpen = periods.some((p) => p.open);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
          ← {project.reference}
        </Anchor>
        <Title order={1} mt={4}>
          {t("comments.periods.title")}
        </Title>
        <Text c="dimmed">{t("comments.periods.lead")}</Text>
      </div>
      <ActionNotice />
      {can.manage && !anyOpen ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("comments.periods.open")}
          </Title>
          <Form method="post" noValidate aria-label={t("comments.periods.open")}>
            <input type="hidden" name="intent" value="open" />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput name="title" label={t("comments.periods.periodTitle")} placeholder={t("comments.periods.titlePlaceholder")} error={fieldError("title")} w={280} data-testid="period-title" />
              <TextInput name="closesOn" type="date" label={t("comments.periods.closesOn")} error={fieldError("closesOn")} w={200} data-testid="period-closes" />
              <Checkbox name="observersMayComment" label={t("comments.periods.observersMayComment")} />
              <Button type="submit" loading={navigation.state === "submitting"} data-testid="period-open">
                {t("comments.periods.openButton")}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t("comments.periods.freezeHint")}
            </Text>
          </Form>
        </Paper>
      ) : null}
      {anyOpen ? <Alert color="blue">{t("comments.periods.openNow")}</Alert> : null}
      {periods.length === 0 ? (
        <Text c="dimmed">{t("comments.periods.none")}</Text>
      ) : (
        <Table verticalSpacing="sm" data-testid="periods-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("comments.periods.periodTitle")}</Table.Th>
              <Table.Th>{t("comments.periods.text")}</Table.Th>
              <Table.Th>{t("comments.periods.opensAt")}</Table.Th>
              <Table.Th>{t("comments.periods.closesOn")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.id} data-testid="period-row" data-open={p.open}>
                <Table.Td>
                  <Group gap={6}>
                    <Text fw={600}>{p.title}</Text>
                    <Badge color={p.open ? "green" : "gray"} variant="light">
                      {p.open ? t("comments.periods.openBadge") : t("comments.periods.closed")}
                    </Badge>
                    {p.observersMayComment ? (
                      <Badge variant="outline" size="sm">
                        {t("comments.periods.observersBadge")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {p.versionId ? (
                    <Anchor component={Link} to={`/projects/${project.id}/versions/${p.versionId}`}>
                      {p.versionLabel}
                    </Anchor>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>{format.format(new Date(p.opensAt))}</Table.Td>
                <Table.Td>{format.format(new Date(p.closesAt))}</Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end">
                    <Button component={Link} to={`/projects/${project.id}/register?period=${p.id}`} size="compact-sm" variant="default">
                      {t("comments.periods.register")}
                    </Button>
                    {can.manage && p.open ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="close" />
                        <input type="hidden" name="periodId" value={p.id} />
                        <Button type="submit" size="compact-sm" color="red" variant="light" data-testid="period-close">
                          {t("comments.periods.closeButton")}
                        </Button>
                      </Form>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

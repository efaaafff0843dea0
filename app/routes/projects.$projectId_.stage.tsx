import { Alert, Anchor, Badge, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ActionNotice, useIntentFieldErrors } from "~/components/action-notice";
import { useStageName } from "~/components/approval/stage-name";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { ballotRulePresets, findPreset } from "~/ballots/presets";
import { requireProjectAccess } from "~/models/access.server";
import { openBallot } from "~/models/ballot.server";
import { releaseStandard } from "~/models/release.server";
import { stagePage } from "~/models/stage-page.server";
import { decideTransition, proposeTransition, withdrawTransition } from "~/models/transition.server";
import { canOnProject } from "~/policies/committee";
import { decideSchema, openBallotSchema, proposeSchema, releaseSchema, withdrawSchema } from "~/stages/forms";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { useFormatDate } from "~/utils/localized";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.project.reference} · Stage · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { standing } = await requireProjectAccess(request, projectId, "view");
  const page = await stagePage(projectId);
  return {
    page,
    presets: ballotRulePresets.map((p) => ({ id: p.id, name: p.name })),
    can: {
      propose: canOnProject(standing, "proposeTransition"),
      openBallot: canOnProject(standing, "openBallot"),
      decide: canOnProject(standing, "decideTransition"),
      release: canOnProject(standing, "release"),
    },
  };
}

const schemas = { propose: proposeSchema, withdraw: withdrawSchema, decide: decideSchema, openBallot: openBallotSchema, release: releaseSchema } as const;
type Intent = keyof typeof schemas;
const isIntent = (value: string): value is Intent => Object.hasOwn(schemas, value);

export async function action({ request, params }: ActionFunctionArgs) {
  const projectId = params.projectId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (!isIntent(intent)) {
    await requireProjectAccess(request, projectId, "view");
    return withAppErrors(intent, {}, async () => ({ ok: false, intent, error: "errors.badRequest.title" }));
  }
  const fields = Object.fromEntries(formData);
  switch (intent) {
    case "propose": {
      const { user } = await requireProjectAccess(request, projectId, "proposeTransition");
      const parsed = proposeSchema.safeParse(fields);
      if (!parsed.success) return invalidForm(intent, parsed.error);
      return withAppErrors(intent, {}, async () => {
        const result = await proposeTransition({ projectId, toStage: parsed.data.toStage, note: parsed.data.note, actorId: user.id });
        return { ok: true, intent, message: result.immediate ? "approval.transition.entered" : "approval.transition.proposed" };
      });
    }
    case "withdraw": {
      const { user } = await requireProjectAccess(request, projectId, "proposeTransition");
      const parsed = withdrawSchema.safeParse(fields);
      if (!parsed.success) return invalidForm(intent, parsed.error);
      return withAppErrors(intent, {}, async () => {
        await withdrawTransition({ projectId, transitionId: parsed.data.transitionId, actorId: user.id });
        return { ok: true, intent, message: "approval.transition.withdrawn" };
      });
    }
    case "decide": {
      const { user } = await requireProjectAccess(request, projectId, "decideTransition");
      const parsed: z.SafeParseReturnType<unknown, z.infer<typeof decideSchema>> = decideSchema.safeParse(fields);
      if (!parsed.success) return invalidForm(intent, parsed.error);
      const input = parsed.data;
      return withAppErrors(intent, {}, async () => {
        await decideTransition({ projectId, transitionId: input.transitionId, decision: input.decision, targetStage: input.targetStage, reason: input.reason, actorId: user.id });
        return { ok: true, intent, message: `approval.decision.done.${input.decision}` };
      });
    }
    case "openBallot": {
      const { user } = await requireProjectAccess(request, projectId, "openBallot");
      const parsed = openBallotSchema.safeParse(fields);
      if (!parsed.success) return invalidForm(intent, parsed.error);
      return withAppErrors(intent, {}, async () => {
        await openBallot({
          projectId,
          question: parsed.data.question,
          presetKey: parsed.data.presetKey,
          closesAt: new Date(Date.now() + parsed.data.days * 86_400_000),
          actorId: user.id,
        });
        return { ok: true, intent, message: "approval.ballot.opened" };
      });
    }
    case "release": {
      const { user } = await requireProjectAccess(request, projectId, "release");
      const parsed = releaseSchema.safeParse(fields);
      if (!parsed.success) return invalidForm(intent, parsed.error);
      return withAppErrors(intent, {}, async () => {
        const released = await releaseStandard({
          projectId,
          publishedOn: new Date(`${parsed.data.publishedOn}T00:00:00Z`),
          implementedOn: new Date(`${parsed.data.implementedOn}T00:00:00Z`),
          actorId: user.id,
        });
        return { ok: true, intent, message: "approval.release.done", params: { number: released.standardNumber } };
      });
    }
  }
}

export default function StagePage() {
  const { page, presets, can } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const stageName = useStageName();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const proposeError = useIntentFieldErrors("propose");
  const decideError = useIntentFieldErrors("decide");
  const ballotError = useIntentFieldErrors("openBallot");
  const releaseError = useIntentFieldErrors("release");
  const { project, current, pending } = page;
  const active = project.status === "ACTIVE";
  const byKey = (key: string | null) => page.stages.find((s) => s.key === key);
  const presetName = (id: string) => {
    const preset = findPreset(id);
    return preset ? (i18n.language === "en" ? preset.name.en : preset.name["zh-CN"]) : id || "—";
  };
  const dateTime = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
          ← {project.reference}
        </Anchor>
        <Title order={1} mt={4}>
          {t("approval.stage.title")}
        </Title>
        <Text c="dimmed">
          {t("approval.stage.model", { name: i18n.language === "en" ? page.model.nameEn : page.model.nameZh })}
        </Text>
      </div>
      <ActionNotice />

      <Group gap={6} aria-label={t("approval.stage.stages")} role="list">
        {page.stages.map((stage) => (
          <Badge
            key={stage.key}
            role="listitem"
            variant={stage.key === project.stage ? "filled" : "light"}
            color={stage.kind === "ended" ? "gray" : stage.kind === "release" ? "green" : "blue"}
            data-current={stage.key === project.stage ? "true" : undefined}
          >
            {stageName(stage)}
          </Badge>
        ))}
      </Group>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Field label={t("approval.stage.current")}>
            <span data-testid="current-stage">{stageName(current, project.stage)}</span>
          </Field>
          <Field label={t("approval.stage.status")}>
            <span data-testid="project-status">{t(`approval.status.${project.status}`)}</span>
          </Field>
          <Field label={t("approval.stage.editing")}>{t(`approval.editing.${project.editingPolicy}`)}</Field>
          <Field label={t("approval.stage.entered")}>{dateTime.format(new Date(project.stageEnteredAt))}</Field>
        </SimpleGrid>
        {current ? (
          <Text size="sm" mt="sm" c="dimmed">
            {current.exit.ballot
              ? t("approval.stage.exitBallot", { rule: presetName(current.exit.ballot.presetKey) })
              : current.exit.needsDecision
              ? t("approval.stage.exitDecision")
              : t("approval.stage.exitFree")}
          </Text>
        ) : null}
        {project.standardNumber ? (
          <Alert mt="md" color="green" data-testid="release-summary" title={t("approval.release.releasedTitle")}>
            <Text fw={700} data-testid="standard-number">
              {project.standardNumber}
            </Text>
            <Text size="sm">
              {t("approval.release.dates", {
                published: project.publishedOn ? formatDate(project.publishedOn) : "—",
                implemented: project.implementedOn ? formatDate(project.implementedOn) : "—",
              })}
            </Text>
            {project.releasedVersionId ? (
              <Anchor component={Link} to={`/projects/${project.id}/versions/${project.releasedVersionId}`} size="sm">
                {t("approval.release.releasedText", { label: page.versionLabels[project.releasedVersionId] ?? "" })}
              </Anchor>
            ) : null}
          </Alert>
        ) : null}
      </Paper>

      {pending ? (
        <Paper withBorder p="md" radius="md" data-testid="pending-transition">
          <Title order={2} size="h4">
            {t("approval.transition.pendingTitle", { from: stageName(byKey(pending.fromStage), pending.fromStage), to: stageName(byKey(pending.toStage), pending.toStage) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t("approval.transition.proposedBy", { name: page.names[pending.proposedById] ?? "—", date: dateTime.format(new Date(pending.proposedAt)) })}
          </Text>
          {pending.note ? <Text size="sm">{pending.note}</Text> : null}
          {current?.exit.ballot ? (
            <Text size="sm" mt="xs" data-testid="exit-ballot-state">
              {page.exitBallot.openId
                ? t("approval.transition.ballotRunning")
                : page.exitBallot.closedId
                ? page.exitBallot.passed
                  ? t("approval.transition.ballotPassed")
                  : t("approval.transition.ballotFailed")
                : t("approval.transition.ballotNeeded")}
            </Text>
          ) : null}
          {can.propose ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="transitionId" value={pending.id} />
              <Button type="submit" variant="subtle" size="compact-sm" mt="xs">
                {t("approval.transition.withdraw")}
              </Button>
            </Form>
          ) : null}
          {can.decide ? (
            <Form method="post" aria-label={t("approval.decision.title")}>
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="transitionId" value={pending.id} />
              <Stack gap="xs" mt="sm" maw={520}>
                <NativeSelect
                  name="decision"
                  label={t("approval.decision.label")}
                  error={decideError("decision")}
                  data={[
                    { value: "APPROVE", label: t("approval.decision.APPROVE", { stage: stageName(byKey(pending.toStage), pending.toStage) }) },
                    ...(page.sendBack.length > 0 ? [{ value: "SEND_BACK", label: t("approval.decision.SEND_BACK") }] : []),
                    { value: "REPEAT", label: t("approval.decision.REPEAT") },
                    { value: "ABANDON", label: t("approval.decision.ABANDON") },
                  ]}
                />
                {page.sendBack.length > 0 ? (
                  <NativeSelect
                    name="targetStage"
                    label={t("approval.decision.sendBackTo")}
                    error={decideError("targetStage")}
                    data={[{ value: "", label: "—" }, ...page.sendBack.map((s) => ({ value: s.key, label: stageName(s) }))]}
                  />
                ) : null}
                <Textarea name="reason" label={t("approval.decision.reason")} autosize minRows={2} error={decideError("reason")} />
                <Group>
                  <Button type="submit" loading={busy("decide")}>
                    {t("approval.decision.submit")}
                  </Button>
                </Group>
              </Stack>
            </Form>
          ) : null}
        </Paper>
      ) : null}

      {active && can.propose && !pending && page.targets.length > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("approval.transition.proposeTitle")}
          </Title>
          <Form method="post" aria-label={t("approval.transition.proposeTitle")} key={`${project.stage}-${String(project.stageEnteredAt)}`}>
            <input type="hidden" name="intent" value="propose" />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                name="toStage"
                label={t("approval.transition.toStage")}
                error={proposeError("toStage")}
                data={page.targets.map((s) => ({ value: s.key, label: stageName(s) }))}
                w={260}
              />
              <TextInput name="note" label={t("approval.transition.note")} w={320} error={proposeError("note")} />
              <Button type="submit" loading={busy("propose")}>
                {current?.exit.needsDecision ? t("approval.transition.propose") : t("approval.transition.move")}
              </Button>
            </Group>
          </Form>
        </Paper>
      ) : null}

      {active && can.openBallot && !page.exitBallot.openId ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("approval.ballot.openTitle")}
          </Title>
          <Form method="post" aria-label={t("approval.ballot.openTitle")} key={`${project.stage}-${String(project.stageEnteredAt)}`}>
            <input type="hidden" name="intent" value="openBallot" />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput name="question" label={t("approval.ballot.question")} required w={360} error={ballotError("question")} />
              <NativeSelect
                name="presetKey"
                label={t("approval.ballot.rule")}
                defaultValue={current?.exit.ballot?.presetKey ?? ""}
                error={ballotError("presetKey")}
                data={[
                  ...(current?.exit.ballot ? [] : [{ value: "", label: "—" }]),
                  ...presets.map((p) => ({ value: p.id, label: i18n.language === "en" ? p.name.en : p.name["zh-CN"] })),
                ]}
                w={300}
              />
              <NumberInput name="days" label={t("approval.ballot.days")} defaultValue={current?.exit.ballot?.days ?? 14} min={1} max={365} w={140} error={ballotError("days")} />
              <Button type="submit" loading={busy("openBallot")}>
                {t("approval.ballot.open")}
              </Button>
            </Group>
          </Form>
        </Paper>
      ) : null}

      {active && can.release && page.release && !pending ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t("approval.release.title", { stage: stageName(page.release) })}
          </Title>
          <Form method="post" aria-label={t("approval.release.formLabel")}>
            <input type="hidden" name="intent" value="release" />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput type="date" name="publishedOn" label={t("approval.release.publishedOn")} defaultValue={today} required error={releaseError("publishedOn")} />
              <TextInput type="date" name="implementedOn" label={t("approval.release.implementedOn")} required error={releaseError("implementedOn")} />
              <Button type="submit" color="green" loading={busy("release")}>
                {t("approval.release.submit")}
              </Button>
            </Group>
          </Form>
        </Paper>
      ) : null}

      <section>
        <Title order={2} size="h3" mb="sm">
          {t("approval.ballot.listTitle")}
        </Title>
        {page.ballots.length === 0 ? (
          <Text c="dimmed">{t("approval.ballot.none")}</Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="ballots-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("approval.ballot.question")}</Table.Th>
                <Table.Th>{t("approval.ballot.rule")}</Table.Th>
                <Table.Th>{t("approval.ballot.statusLabel")}</Table.Th>
                <Table.Th>{t("approval.ballot.returned")}</Table.Th>
                <Table.Th>{t("approval.ballot.closes")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.ballots.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${project.id}/ballots/${b.id}`}>
                      {b.question}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{presetName(b.presetKey)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.status === "OPEN" ? "blue" : b.passed ? "green" : b.passed === false ? "red" : "gray"}>
                      {b.status === "CLOSED" && b.passed !== null ? t(b.passed ? "approval.ballot.passed" : "approval.ballot.notPassed") : t(`approval.ballot.status.${b.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{b._count.votes}</Table.Td>
                  <Table.Td>{dateTime.format(new Date(b.closedAt ?? b.closesAt))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3">
            {t("approval.history.title")}
          </Title>
          <Button component={Link} to={`/projects/${project.id}/audit`} variant="default" size="xs">
            {t("approval.audit.link")}
          </Button>
        </Group>
        {page.transitions.length === 0 ? (
          <Text c="dimmed">{t("approval.history.none")}</Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="transitions-table">
            <Table.Tbody>
              {page.transitions.map((tr) => (
                <Table.Tr key={tr.id}>
                  <Table.Td>{dateTime.format(new Date(tr.decidedAt ?? tr.proposedAt))}</Table.Td>
                  <Table.Td>
                    {stageName(byKey(tr.fromStage), tr.fromStage)} → {stageName(byKey(tr.resultStage ?? tr.toStage), tr.resultStage ?? tr.toStage)}
                  </Table.Td>
                  <Table.Td>{tr.decision ? t(`approval.history.decision.${tr.decision}`) : t(`approval.history.status.${tr.status}`)}</Table.Td>
                  <Table.Td>{page.names[tr.decidedById ?? tr.proposedById] ?? "—"}</Table.Td>
                  <Table.Td>
                    {tr.decisionReason}
                    {tr.versionId && page.versionLabels[tr.versionId] ? (
                      <Anchor component={Link} to={`/projects/${project.id}/versions/${tr.versionId}`} ml="xs" size="sm">
                        {page.versionLabels[tr.versionId]}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

import { Alert, Anchor, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice, useIntentFieldErrors } from "~/components/action-notice";
import { TallyExplanation, type StoredResult } from "~/components/ballots/tally-explanation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { assessVoters } from "~/ballots/eligibility";
import { findPreset } from "~/ballots/presets";
import { requireProjectAccess } from "~/models/access.server";
import { closeBallot, getBallot, recordConsensusDecision, storedEligible, storedRule } from "~/models/ballot.server";
import { castVote } from "~/models/vote.server";
import { canOnProject } from "~/policies/committee";
import { closeBallotSchema, consensusSchema, voteSchema } from "~/stages/forms";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.ballot.question} · Standards Studio` : "Standards Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { user, standing } = await requireProjectAccess(request, projectId, "view");
  const ballot = await getBallot(projectId, params.ballotId ?? "");
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { id: true, reference: true, titleZh: true, titleEn: true } });
  invariantResponse(project, "Not found", { status: 404 });
  const rule = storedRule(ballot.rule);
  const lines = assessVoters(storedEligible(ballot.eligible), rule.kind === "vote" && rule.draftersExcluded);
  const people = await prisma.user.findMany({
    where: { id: { in: [...lines.map((l) => l.userId), ...ballot.votes.map((v) => v.voterId), ballot.createdById] } },
    select: { id: true, name: true },
  });
  const names = Object.fromEntries(people.map((p) => [p.id, p.name]));
  const version = await prisma.version.findUnique({ where: { id: ballot.versionId }, select: { id: true, label: true } });
  const mine = ballot.votes.find((v) => v.voterId === user.id) ?? null;
  const myLine = lines.find((l) => l.userId === user.id);
  const closed = ballot.status !== "OPEN";
  return {
    project,
    ballot: {
      id: ballot.id,
      question: ballot.question,
      presetKey: ballot.presetKey,
      ruleKind: rule.kind,
      status: ballot.status,
      opensAt: ballot.opensAt,
      closesAt: ballot.closesAt,
      closedAt: ballot.closedAt,
      result: ballot.result as StoredResult | null,
    },
    version,
    voters: lines.map((l) => ({ userId: l.userId, organization: l.organization, canVote: l.canVote, reason: l.canVote ? null : l.reason, voted: ballot.votes.some((v) => v.voterId === l.userId) })),
    // Choices are shown once the ballot has closed; while it runs only who has voted.
    votes: closed ? ballot.votes : [],
    mine,
    names,
    can: {
      vote: !closed && canOnProject(standing, "vote") && myLine?.canVote === true,
      close: !closed && canOnProject(standing, "openBallot"),
      consensus: ballot.status === "CLOSED" && rule.kind === "consensus" && canOnProject(standing, "decideTransition") && (ballot.result as StoredResult | null)?.outcome === "awaiting_chair_decision",
    },
    notEligibleReason: !closed && myLine && !myLine.canVote ? myLine.reason : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const projectId = params.projectId ?? "";
  const ballotId = params.ballotId ?? "";
  const formData = await request.formData();
  const fields = Object.fromEntries(formData);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "vote") {
    const { user } = await requireProjectAccess(request, projectId, "vote");
    const parsed = voteSchema.safeParse(fields);
    if (!parsed.success) return invalidForm(intent, parsed.error);
    return withAppErrors(intent, {}, async () => {
      const cast = await castVote({ projectId, ballotId, voterId: user.id, choice: parsed.data.choice, reasons: parsed.data.reasons });
      return { ok: true, intent, message: cast.changed ? "approval.vote.changed" : "approval.vote.cast" };
    });
  }
  if (intent === "close") {
    const { user } = await requireProjectAccess(request, projectId, "openBallot");
    const parsed = closeBallotSchema.safeParse(fields);
    if (!parsed.success) return invalidForm(intent, parsed.error);
    return withAppErrors(intent, {}, async () => {
      await getBallot(projectId, ballotId);
      const result = await closeBallot({ ballotId, actorId: user.id });
      return result ? { ok: true, intent, message: "approval.ballot.closedNow" } : { ok: false, intent, error: "approval.vote.ballotClosed" };
    });
  }
  if (intent === "consensus") {
    const { user } = await requireProjectAccess(request, projectId, "decideTransition");
    const parsed = consensusSchema.safeParse(fields);
    if (!parsed.success) return invalidForm(intent, parsed.error);
    return withAppErrors(intent, {}, async () => {
      await recordConsensusDecision({ ballotId, projectId, reached: parsed.data.reached === "yes", note: parsed.data.note, actorId: user.id });
      return { ok: true, intent, message: "approval.ballot.consensusRecorded" };
    });
  }
  await requireProjectAccess(request, projectId, "view");
  return withAppErrors(intent, {}, async () => ({ ok: false, intent, error: "errors.badRequest.title" }));
}

const choices = ["APPROVE", "APPROVE_WITH_COMMENTS", "DISAPPROVE", "ABSTAIN"] as const;

export default function BallotPage() {
  const data = useLoaderData<typeof loader>();
  const { project, ballot, version, voters, votes, mine, names, can } = data;
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const voteError = useIntentFieldErrors("vote");
  const consensusError = useIntentFieldErrors("consensus");
  const dateTime = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  const preset = findPreset(ballot.presetKey);
  const lang = i18n.language === "en" ? "en" : "zh-CN";

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/projects/${project.id}/stage`} size="sm">
          ← {project.reference} · {t("approval.stage.title")}
        </Anchor>
        <Title order={1} mt={4} data-testid="ballot-question">
          {ballot.question}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge data-testid="ballot-status" variant="light">
            {t(`approval.ballot.status.${ballot.status}`)}
          </Badge>
          {version ? (
            <Anchor component={Link} to={`/projects/${project.id}/versions/${version.id}`} size="sm">
              {t("approval.ballot.onVersion", { label: version.label })}
            </Anchor>
          ) : null}
        </Group>
      </div>
      <ActionNotice />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t("approval.ballot.rule")}
            </Text>
            <Text size="sm" fw={600}>
              {preset ? preset.name[lang] : ballot.presetKey}
            </Text>
            {preset ? (
              <Text size="xs" c="dimmed" data-testid="rule-description">
                {preset.description[lang]}
              </Text>
            ) : null}
          </div>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t("approval.ballot.opens")}
            </Text>
            <Text size="sm">{dateTime.format(new Date(ballot.opensAt))}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {ballot.closedAt ? t("approval.ballot.closedAt") : t("approval.ballot.closes")}
            </Text>
            <Text size="sm">{dateTime.format(new Date(ballot.closedAt ?? ballot.closesAt))}</Text>
          </div>
        </SimpleGrid>
      </Paper>

      {can.vote ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {mine ? t("approval.vote.changeTitle") : t("approval.vote.title")}
          </Title>
          {mine ? (
            <Text size="sm" mb="xs" data-testid="my-vote">
              {t("approval.vote.yours", { choice: t(`approval.vote.choice.${mine.choice}`), date: dateTime.format(new Date(mine.changedAt ?? mine.castAt)) })}
            </Text>
          ) : null}
          <Form method="post" aria-label={t("approval.vote.title")}>
            <input type="hidden" name="intent" value="vote" />
            <Radio.Group name="choice" label={t("approval.vote.choiceLabel")} defaultValue={mine?.choice} error={voteError("choice")}>
              <Stack gap={6} mt={6}>
                {choices.map((choice) => (
                  <Radio key={choice} value={choice} label={t(`approval.vote.choice.${choice}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea name="reasons" label={t("approval.vote.reasons")} description={t("approval.vote.reasonsHint")} mt="sm" autosize minRows={2} defaultValue={mine?.reasons} error={voteError("reasons")} />
            <Button type="submit" mt="sm" loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "vote"}>
              {mine ? t("approval.vote.changeSubmit") : t("approval.vote.submit")}
            </Button>
          </Form>
        </Paper>
      ) : data.notEligibleReason ? (
        <Alert color="gray">{t(`approval.tally.reason.${data.notEligibleReason}`)}</Alert>
      ) : null}

      {can.close ? (
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <Button type="submit" variant="default" color="red">
            {t("approval.ballot.closeNow")}
          </Button>
          <Text size="xs" c="dimmed" mt={4}>
            {t("approval.ballot.closeNowHint")}
          </Text>
        </Form>
      ) : null}

      {can.consensus ? (
        <Paper withBorder p="md" radius="md">
          <Form method="post" aria-label={t("approval.ballot.consensusTitle")}>
            <input type="hidden" name="intent" value="consensus" />
            <Radio.Group name="reached" label={t("approval.ballot.consensusTitle")} error={consensusError("reached")}>
              <Group mt={6}>
                <Radio value="yes" label={t("approval.ballot.consensusYes")} />
                <Radio value="no" label={t("approval.ballot.consensusNo")} />
              </Group>
            </Radio.Group>
            <Textarea name="note" label={t("approval.decision.reason")} mt="sm" />
            <Button type="submit" mt="sm">
              {t("approval.ballot.consensusSubmit")}
            </Button>
          </Form>
        </Paper>
      ) : null}

      {ballot.result ? (
        <section>
          <Title order={2} size="h3" mb="sm">
            {t("approval.tally.title")}
          </Title>
          <TallyExplanation result={ballot.result} names={names} />
        </section>
      ) : null}

      <section>
        <Title order={2} size="h3" mb="sm">
          {t("approval.ballot.votersTitle")}
        </Title>
        <Table verticalSpacing="xs" data-testid="voters-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("approval.ballot.voter")}</Table.Th>
              <Table.Th>{t("approval.ballot.organization")}</Table.Th>
              <Table.Th>{t("approval.ballot.mayVote")}</Table.Th>
              <Table.Th>{ballot.status === "OPEN" ? t("approval.ballot.hasVoted") : t("approval.ballot.vote")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {voters.map((v) => {
              const cast = votes.find((x) => x.voterId === v.userId);
              return (
                <Table.Tr key={v.userId} data-testid="voter-row">
                  <Table.Td>{names[v.userId] ?? v.userId}</Table.Td>
                  <Table.Td>{v.organization}</Table.Td>
                  <Table.Td>{v.canVote ? t("approval.ballot.yes") : t(`approval.tally.reason.${v.reason}`)}</Table.Td>
                  <Table.Td>
                    {cast ? (
                      <>
                        {t(`approval.vote.choice.${cast.choice}`)}
                        {cast.changes > 0 ? ` · ${t("approval.ballot.changedTimes", { count: cast.changes })}` : ""}
                        {cast.reasons ? (
                          <Text size="xs" c="dimmed">
                            {cast.reasons}
                          </Text>
                        ) : null}
                      </>
                    ) : v.voted ? (
                      t("approval.ballot.yes")
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

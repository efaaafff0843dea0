// The comments made on a version, read-only: who (and for which organization), on which clause, of
// which type, what they said and proposed, and the committee's decision. Text is shown as text.
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Clause = { kind: "general" | "deleted" | "clause" | "annex" | "foreword" | "introduction" | "bibliography"; number: string };

export type VersionComment = {
  id: string;
  author: string;
  organization: string;
  clause: Clause;
  quote: string;
  type: "GENERAL" | "TECHNICAL" | "EDITORIAL" | null;
  body: string;
  proposedChange: string;
  createdAt: string | Date;
  disposition: { decision: "ACCEPTED" | "ACCEPTED_IN_PRINCIPLE" | "NOT_ACCEPTED" | "NOTED"; reason: string } | null;
  replies: Array<{ id: string; author: string; organization: string; body: string; createdAt: string | Date }>;
};

function ClauseName({ clause }: { clause: Clause }) {
  const { t } = useTranslation();
  switch (clause.kind) {
    case "general":
      return <>{t("history.versionComments.general")}</>;
    case "deleted":
      return <>{t("history.versionComments.deleted")}</>;
    case "annex":
      return <>{t("history.part.annex", { number: clause.number })}</>;
    case "foreword":
      return <>{t("history.part.foreword")}</>;
    case "introduction":
      return <>{t("history.part.introduction")}</>;
    case "bibliography":
      return <>{t("history.part.bibliography")}</>;
    case "clause":
      return <>{clause.number}</>;
  }
}

function Author({ name, organization }: { name: string; organization: string }) {
  const { t } = useTranslation();
  return <>{organization ? t("history.versionComments.author", { name, organization }) : name}</>;
}

export function VersionComments({ comments }: { comments: VersionComment[] }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <Stack gap="sm" component="section" aria-labelledby="version-comments-title" data-testid="version-comments">
      <div>
        <Title order={2} size="h4" id="version-comments-title">
          {t("history.versionComments.title")} ({comments.length})
        </Title>
        <Text size="sm" c="dimmed">
          {t("history.versionComments.lead")}
        </Text>
      </div>
      {comments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("history.versionComments.empty")}
        </Text>
      ) : (
        comments.map((comment) => (
          <Paper key={comment.id} withBorder p="sm" radius="md" data-testid="version-comment">
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Badge variant="light" size="sm">
                  <ClauseName clause={comment.clause} />
                </Badge>
                {comment.type ? (
                  <Badge variant="outline" size="sm" color="gray">
                    {t(`history.versionComments.types.${comment.type}`)}
                  </Badge>
                ) : null}
                <Text size="sm" fw={600}>
                  <Author name={comment.author} organization={comment.organization} />
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {format.format(new Date(comment.createdAt))} UTC
              </Text>
            </Group>
            {comment.quote ? (
              <Text size="sm" c="dimmed" fs="italic" mt={4}>
                “{comment.quote}”
              </Text>
            ) : null}
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {comment.body}
            </Text>
            {comment.proposedChange ? (
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                <Text span fw={600}>
                  {t("history.versionComments.proposedChange")}:
                </Text>{" "}
                {comment.proposedChange}
              </Text>
            ) : null}
            <Text size="sm" mt={4}>
              <Text span fw={600}>
                {t("history.versionComments.disposition")}:
              </Text>{" "}
              {comment.disposition ? (
                <>
                  {t(`history.versionComments.decisions.${comment.disposition.decision}`)}
                  {comment.disposition.reason ? ` — ${comment.disposition.reason}` : ""}
                </>
              ) : (
                t("history.versionComments.undecided")
              )}
            </Text>
            {comment.replies.length > 0 ? (
              <Stack gap={2} mt="xs" pl="md" style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}>
                <Text size="xs" c="dimmed">
                  {t("history.versionComments.replies")}
                </Text>
                {comment.replies.map((reply) => (
                  <Text key={reply.id} size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    <Text span fw={600}>
                      <Author name={reply.author} organization={reply.organization} />:
                    </Text>{" "}
                    {reply.body}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </Paper>
        ))
      )}
    </Stack>
  );
}

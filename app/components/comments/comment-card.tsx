// One comment thread in the margin: where it is (clause, element, quote), the comment and its
// proposed change, the decision, the replies, and the actions the viewer may take. Every text is
// rendered as text: HTML or script typed into a comment is shown, never run.
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { memo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentThreadView } from "~/models/comment.server";
import type { ActionResult } from "~/utils/action-result";

export type CommentCardProps = {
  thread: CommentThreadView;
  clause: string;
  element: string;
  lost: boolean;
  active: boolean;
  canApply: boolean;
  onActivate: (id: string) => void;
  onApply: (thread: CommentThreadView) => void;
  submit: (fields: Record<string, string>) => Promise<ActionResult>;
};

const decisionColor = { ACCEPTED: "green", ACCEPTED_IN_PRINCIPLE: "teal", NOT_ACCEPTED: "red", NOTED: "gray" } as const;

function useAction(submit: CommentCardProps["submit"]) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fields: Record<string, string>): Promise<boolean> => {
    setBusy(true);
    const result = await submit(fields);
    setBusy(false);
    if (result.ok) {
      setError(null);
      return true;
    }
    const fieldError = result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined;
    setError(fieldError ?? result.error);
    return false;
  };
  return { error, busy, run };
}

export const CommentCard = memo(function CommentCard({ thread, clause, element, lost, active, canApply, onActivate, onApply, submit }: CommentCardProps) {
  const { t, i18n } = useTranslation();
  const { error, busy, run } = useAction(submit);
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(thread.body);
  const [editingReply, setEditingReply] = useState<string | null>(null);
  const [replyDraft, setReplyDraft] = useState("");
  const [decision, setDecision] = useState<string | null>(thread.disposition?.decision ?? null);
  const [reason, setReason] = useState(thread.disposition?.reason ?? "");
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  const resolved = thread.status === "RESOLVED";

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={active ? "studio-comment-card studio-comment-card--active" : "studio-comment-card"}
      data-testid="comment-thread"
      data-comment-id={thread.id}
      data-status={thread.status}
      data-lost={lost}
      data-active={active}
      onClick={() => onActivate(thread.id)}
    >
      <Stack gap={6}>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Badge variant="light" size="sm" data-testid="comment-clause">
              {clause}
            </Badge>
            {element ? (
              <Text size="xs" c="dimmed">
                {element}
              </Text>
            ) : null}
            {thread.type ? (
              <Badge variant="outline" size="sm" color="gray">
                {t(`comments.types.${thread.type}`)}
              </Badge>
            ) : null}
          </Group>
          <Badge size="sm" variant={resolved ? "filled" : "light"} color={resolved ? "gray" : "blue"}>
            {t(`comments.status.${thread.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {thread.authorName}
          {thread.organization ? ` · ${thread.organization}` : ""} · {format.format(new Date(thread.createdAt))}
          {thread.editedAt ? ` · ${t("comments.margin.edited")}` : ""}
          {thread.importedFrom ? ` · ${t("comments.margin.imported", { file: thread.importedFrom })}` : ""}
        </Text>
        {thread.quote ? (
          <Text size="sm" className={lost ? "studio-comment-quote studio-comment-quote--lost" : "studio-comment-quote"} data-testid="comment-quote">
            {thread.quote}
          </Text>
        ) : null}
        {lost ? (
          <Badge color="orange" variant="light" size="sm" data-testid="comment-lost">
            {t("comments.margin.textDeleted")}
          </Badge>
        ) : null}
        {editing ? (
          <Stack gap={4}>
            <Textarea value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={2} aria-label={t("comments.margin.body")} />
            <Group gap={6}>
              <Button
                size="compact-sm"
                loading={busy}
                onClick={(e) => {
                  e.stopPropagation();
                  void run({ intent: "edit", commentId: thread.id, body: draft }).then((ok) => ok && setEditing(false));
                }}
              >
                {t("comments.margin.save")}
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setEditing(false)}>
                {t("comments.margin.cancel")}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="comment-body">
            {thread.body}
          </Text>
        )}
        {thread.proposedChange ? (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t("comments.margin.proposedChange")}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} className="studio-comment-proposal">
              {thread.proposedChange}
            </Text>
            {canApply && !lost && thread.anchorStart ? (
              <Button
                size="compact-xs"
                variant="light"
                w="fit-content"
                data-testid="comment-apply"
                onClick={(e) => {
                  e.stopPropagation();
                  onApply(thread);
                }}
              >
                {t("comments.margin.apply")}
              </Button>
            ) : null}
          </Stack>
        ) : null}

        {thread.disposition ? (
          <Stack gap={2} data-testid="comment-disposition" data-decision={thread.disposition.decision}>
            <Group gap={6}>
              <Badge color={decisionColor[thread.disposition.decision]} size="sm">
                {t(`comments.decisions.${thread.disposition.decision}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {thread.disposition.decidedBy} · {format.format(new Date(thread.disposition.decidedAt))}
              </Text>
            </Group>
            {thread.disposition.reason ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {thread.disposition.reason}
              </Text>
            ) : null}
          </Stack>
        ) : null}

        {thread.replies.length > 0 ? (
          <Stack gap={4} pl="sm" className="studio-comment-replies">
            {thread.replies.map((r) =>
              editingReply === r.id ? (
                <Stack key={r.id} gap={4} onClick={(e) => e.stopPropagation()}>
                  <Textarea value={replyDraft} onChange={(e) => setReplyDraft(e.currentTarget.value)} autosize minRows={1} aria-label={t("comments.margin.reply")} />
                  <Group gap={6}>
                    <Button
                      size="compact-xs"
                      loading={busy}
                      onClick={() => void run({ intent: "edit", commentId: r.id, body: replyDraft }).then((ok) => ok && setEditingReply(null))}
                    >
                      {t("comments.margin.save")}
                    </Button>
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditingReply(null)}>
                      {t("comments.margin.cancel")}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <div key={r.id} data-testid="comment-reply">
                  <Text size="xs" c="dimmed">
                    {r.authorName} · {format.format(new Date(r.createdAt))}
                    {r.editedAt ? ` · ${t("comments.margin.edited")}` : ""}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {r.body}
                  </Text>
                  {r.canEdit && active ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={(e) => {
                        e.stopPropagation();
                        setReplyDraft(r.body);
                        setEditingReply(r.id);
                      }}
                    >
                      {t("comments.margin.edit")}
                    </Button>
                  ) : null}
                </div>
              ),
            )}
          </Stack>
        ) : null}

        {active ? (
          <Stack gap={6} onClick={(e) => e.stopPropagation()}>
            {thread.can.reply ? (
              <Group gap={6} align="flex-end" wrap="nowrap">
                <Textarea
                  value={reply}
                  onChange={(e) => setReply(e.currentTarget.value)}
                  placeholder={t("comments.margin.replyPlaceholder")}
                  aria-label={t("comments.margin.reply")}
                  autosize
                  minRows={1}
                  style={{ flex: 1 }}
                  data-testid="comment-reply-input"
                />
                <Button
                  size="compact-sm"
                  loading={busy}
                  data-testid="comment-reply-send"
                  onClick={() => void run({ intent: "reply", commentId: thread.id, body: reply }).then((ok) => ok && setReply(""))}
                >
                  {t("comments.margin.reply")}
                </Button>
              </Group>
            ) : null}
            {thread.can.dispose ? (
              <Stack gap={4} data-testid="comment-dispose-form">
                <Select
                  size="xs"
                  label={t("comments.margin.decision")}
                  value={decision}
                  onChange={setDecision}
                  data={(["ACCEPTED", "ACCEPTED_IN_PRINCIPLE", "NOT_ACCEPTED", "NOTED"] as const).map((d) => ({ value: d, label: t(`comments.decisions.${d}`) }))}
                  data-testid="comment-decision"
                  comboboxProps={{ withinPortal: false }}
                />
                <Textarea
                  size="xs"
                  label={t("comments.margin.reason")}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  autosize
                  minRows={1}
                  data-testid="comment-reason"
                />
                <Button
                  size="compact-sm"
                  variant="light"
                  w="fit-content"
                  loading={busy}
                  data-testid="comment-dispose"
                  onClick={() => void run({ intent: "dispose", commentId: thread.id, decision: decision ?? "", reason })}
                >
                  {t("comments.margin.recordDecision")}
                </Button>
              </Stack>
            ) : null}
            <Group gap={6}>
              {thread.can.edit && !editing ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => {
                    setDraft(thread.body);
                    setEditing(true);
                  }}
                  data-testid="comment-edit"
                >
                  {t("comments.margin.edit")}
                </Button>
              ) : null}
              {thread.can.resolve ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  data-testid={resolved ? "comment-reopen" : "comment-resolve"}
                  onClick={() => void run({ intent: resolved ? "reopen" : "resolve", commentId: thread.id })}
                >
                  {resolved ? t("comments.margin.reopen") : t("comments.margin.resolve")}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
        {error ? (
          <Text size="xs" c="red" role="alert">
            {t(error)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
});

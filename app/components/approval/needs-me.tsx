import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useStageName } from "~/components/approval/stage-name";
import { EmptyState } from "~/components/empty-state";

type StageName = { code: string; nameZh: string; nameEn: string } | null;
export type NeedsMeRow =
  | { kind: "vote"; href: string; reference: string; question: string; due: string | Date }
  | { kind: "decide"; href: string; reference: string; from: StageName; to: StageName; due: null; ballotClosed: boolean }
  | { kind: "comment"; href: string; reference: string; title: string; due: string | Date }
  | { kind: "release"; href: string; reference: string; due: null };

const SOON_MS = 2 * 86_400_000;

/** The dashboard's list of things waiting for this person, soonest deadline first. */
export function NeedsMe({ items }: { items: NeedsMeRow[] }) {
  const { t, i18n } = useTranslation();
  const stageName = useStageName();
  if (items.length === 0) return <EmptyState title={t("approval.needs.none")} body={t("dashboard.needsMeEmptyBody")} />;
  const dateTime = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  return (
    <Stack gap="xs" data-testid="needs-me">
      {items.map((item, i) => {
        const label =
          item.kind === "vote"
            ? t("approval.needs.vote", { question: item.question })
            : item.kind === "decide"
            ? t(item.ballotClosed ? "approval.needs.ballotClosed" : "approval.needs.decide", { from: stageName(item.from), to: stageName(item.to) })
            : item.kind === "comment"
            ? t("approval.needs.comment", { title: item.title })
            : t("approval.needs.decideRelease");
        const due = item.due ? new Date(item.due) : null;
        return (
          <Paper key={i} withBorder p="sm" radius="md" data-kind={item.kind}>
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Badge variant="outline" mr="xs">
                  {item.reference}
                </Badge>
                <Anchor component={Link} to={item.href}>
                  {label}
                </Anchor>
              </div>
              {due ? (
                <Group gap={6} wrap="nowrap">
                  {due.getTime() - Date.now() < SOON_MS ? <Badge color="orange">{t("approval.needs.closingSoon")}</Badge> : null}
                  <Text size="sm" c="dimmed">
                    {t("approval.needs.closes", { date: dateTime.format(due) })}
                  </Text>
                </Group>
              ) : null}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

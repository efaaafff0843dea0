// A project's history: versions, and between them who edited which parts of the text, one sentence
// per day and part of day. Times are grouped in the reader's time zone: the server renders in UTC
// (it does not know the zone), the browser regroups once it runs.
import { Anchor, Badge, Breadcrumbs, Code, Group, Stack, Text, Timeline, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IconGitCommit, IconPencil } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { editSentence, type SentencePart } from "~/components/history/edit-sentence";
import { buildTimeline } from "~/components/history/timeline";
import { requireProjectAccess } from "~/models/access.server";
import { getProjectHistory } from "~/models/history.server";
import { stageNamesOfProjectModel } from "~/models/stage-model.server";
import { useStageName } from "~/components/approval/stage-name";
import { useLocalized } from "~/utils/localized";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.reference} · History · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  await requireProjectAccess(request, projectId, "readDocument");
  const history = await getProjectHistory(projectId);
  return { ...history, stageNames: await stageNamesOfProjectModel(projectId), now: Date.now() };
}

/** The reader's zone and clock: UTC and the server's time until the browser runs, so hydration matches. */
function useReaderClock(serverNow: number): { timeZone: string; now: number } {
  const [clock, setClock] = useState({ timeZone: "UTC", now: serverNow });
  useEffect(() => {
    setClock({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC", now: Date.now() });
  }, []);
  return clock;
}

export default function HistoryPage() {
  const { project, versions, sessions, parts, olderSessions, stageNames, now: serverNow } = useLoaderData<typeof loader>();
  const stageName = useStageName();
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const { timeZone, now } = useReaderClock(serverNow);
  const language = i18n.language;
  const intlLocale = language === "en" ? "en-GB" : "zh-CN";

  const timeline = useMemo(() => buildTimeline({ versions, sessions, parts, timeZone, now }), [versions, sessions, parts, timeZone, now]);
  const partsById = useMemo(() => new Map<string, SentencePart>(parts.map((p) => [p.id, p])), [parts]);
  const formats = useMemo(
    () => ({
      day: new Intl.DateTimeFormat(intlLocale, { timeZone, day: "numeric", month: "long", year: "numeric" }),
      dateTime: new Intl.DateTimeFormat(intlLocale, { timeZone, dateStyle: "medium", timeStyle: "short" }),
      time: new Intl.DateTimeFormat(intlLocale, { timeZone, hour: "2-digit", minute: "2-digit" }),
    }),
    [intlLocale, timeZone],
  );

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/projects/${project.id}`}>
          {project.reference}
        </Anchor>
        <Text>{t("history.title")}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t("history.title")}</Title>
          <Text c="dimmed" size="sm">
            {localized(project)} · {t("history.lead")}
          </Text>
        </div>
        <Anchor component={Link} to={`/projects/${project.id}/versions`}>
          {t("history.versionsLink")}
        </Anchor>
      </Group>

      {timeline.length === 0 ? (
        <EmptyState title={t("history.emptyTitle")} body={t("history.emptyBody")} />
      ) : (
        <Timeline bulletSize={26} lineWidth={2} data-testid="history-timeline">
          {timeline.map((entry) => {
            if (entry.kind === "version") {
              const { version, previous } = entry;
              return (
                <Timeline.Item
                  key={`v-${version.id}`}
                  bullet={<IconGitCommit size={16} />}
                  title={
                    <Group gap="xs">
                      <Text fw={600}>{t("history.version.title", { label: version.label })}</Text>
                      <Badge variant="light" size="sm">
                        {stageName(stageNames[version.stage], version.stage)}
                      </Badge>
                    </Group>
                  }
                  data-testid="history-version"
                >
                  <Text size="sm" c="dimmed">
                    {t("history.version.madeBy", { name: version.createdBy, date: formats.dateTime.format(new Date(version.createdAt)) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("history.version.fingerprint")}: <Code>{version.fingerprint.slice(0, 16)}</Code>
                  </Text>
                  <Group gap="md" mt={4}>
                    <Anchor component={Link} size="sm" to={`/projects/${project.id}/versions/${version.id}`}>
                      {t("history.version.read")}
                    </Anchor>
                    {previous ? (
                      <Anchor component={Link} size="sm" to={`/projects/${project.id}/compare?from=${previous.id}&to=${version.id}`}>
                        {t("history.version.redline", { label: previous.label })}
                      </Anchor>
                    ) : null}
                  </Group>
                </Timeline.Item>
              );
            }
            const date = formats.day.format(new Date(entry.latest));
            return (
              <Timeline.Item
                key={entry.key}
                bullet={<IconPencil size={14} />}
                title={<Text data-testid="history-sentence">{editSentence({ group: entry, parts: partsById, date, language, t })}</Text>}
                data-testid="history-edits"
              >
                <Stack gap={0}>
                  {entry.sessions.map((session) => (
                    <Text key={session.id} size="xs" c="dimmed">
                      {t("history.session", {
                        name: session.userName,
                        from: formats.time.format(new Date(session.startedAt)),
                        to: formats.time.format(new Date(session.endedAt)),
                        count: session.updates,
                      })}
                    </Text>
                  ))}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {olderSessions > 0 ? (
        <Text size="sm" c="dimmed">
          {t("history.older", { count: olderSessions })}
        </Text>
      ) : null}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectsTable } from "~/components/committee/projects";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoleBadge } from "~/components/role-badge";
import { listVisibleCommittees } from "~/models/committee.server";
import { listVisibleProjects } from "~/models/project.server";
import { whatNeedsMe } from "~/models/dashboard.server";
import { stageNamesOf } from "~/models/stage-model.server";
import { NeedsMe } from "~/components/approval/needs-me";
import { useLocalized } from "~/utils/localized";
import { requireUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [committees, projects, needs] = await Promise.all([listVisibleCommittees(user), listVisibleProjects(user), whatNeedsMe(user.id)]);
  const stageNames = await stageNamesOf(projects.map((p) => p.id));
  return {
    user: { name: user.name, isAdmin: user.isAdmin },
    committees,
    projects: projects.map((p) => ({ ...p, stageName: stageNames.get(p.id) ?? null })),
    needs,
  };
}

export default function Dashboard() {
  const { user, committees, projects, needs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t("dashboard.greeting", { name: user.name })}</Title>
        <Text c="dimmed">{t("dashboard.lead")}</Text>
      </div>

      <section aria-labelledby="needs-me">
        <Title order={2} size="h3" id="needs-me" mb="sm">
          {t("dashboard.needsMe")}
        </Title>
        <NeedsMe items={needs} />
      </section>

      <section aria-labelledby="my-committees">
        <Title order={2} size="h3" id="my-committees" mb="sm">
          {t("dashboard.myCommittees")}
        </Title>
        {committees.length === 0 ? (
          <EmptyState
            title={t("dashboard.noCommitteesTitle")}
            body={user.isAdmin ? t("dashboard.noCommitteesAdmin") : t("dashboard.noCommitteesBody")}
            action={
              user.isAdmin ? (
                <Anchor component={Link} to="/admin">
                  {t("nav.admin")}
                </Anchor>
              ) : undefined
            }
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {committees.map((c) => (
              <Card key={c.id} withBorder padding="md" radius="md" component={Link} to={`/committees/${c.id}`} data-testid="committee-card">
                <Group justify="space-between" mb={4} wrap="nowrap">
                  <Badge variant="outline">{c.code}</Badge>
                  {c.myRole ? <RoleBadge role={c.myRole} /> : null}
                </Group>
                <Text fw={600}>{localized(c)}</Text>
                <Text size="sm" c="dimmed">
                  {localized(c.organization)}
                </Text>
                <Text size="xs" c="dimmed" mt={6}>
                  {t("committee.memberCount", { count: c.memberCount })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>

      <section aria-labelledby="my-projects">
        <Title order={2} size="h3" id="my-projects" mb="sm">
          {t("dashboard.myProjects")}
        </Title>
        {projects.length === 0 ? (
          <EmptyState title={t("dashboard.noProjectsTitle")} body={t("dashboard.noProjectsBody")} />
        ) : (
          <ProjectsTable projects={projects} showCommittee />
        )}
      </section>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import katexStyles from "katex/dist/katex.min.css?url";
import { useTranslation } from "react-i18next";
import { StandardView } from "~/components/document/standard-view";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { requireProjectAccess } from "~/models/access.server";
import { getProject } from "~/models/project.server";
import { projectStageContext } from "~/models/stage-model.server";
import { useStageName } from "~/components/approval/stage-name";
import { invariantResponse } from "~/utils/errors";
import { useFormatDate, useLocalized } from "~/utils/localized";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: katexStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.reference} · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProjectAccess(request, params.projectId ?? "", "readDocument");
  const project = await getProject(params.projectId ?? "");
  invariantResponse(project, "Not found", { status: 404 });
  // A project without a stage model is mapped to its organization's default on this first read.
  const staged = await projectStageContext(project.id);
  const stage = staged.model.definition.stages.find((s) => s.key === staged.project.stage) ?? null;
  return { project: { ...project, stage: staged.project.stage }, stage };
}

export default function ProjectPage() {
  const { project, stage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const stageName = useStageName();
  const localized = useLocalized();
  const formatDate = useFormatDate();
  const main = project.documents.find((d) => d.kind === "main");

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to={`/orgs/${project.committee.organization.slug}`}>
          {localized(project.committee.organization)}
        </Anchor>
        <Anchor component={Link} to={`/committees/${project.committee.id}`}>
          {project.committee.code}
        </Anchor>
        <Text>{project.reference}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm">
          <Badge variant="outline">{project.reference}</Badge>
          <Badge variant="light" data-testid="project-stage">{stageName(stage, project.stage)}</Badge>
        </Group>
        <Title order={1} mt={6}>
          {project.titleZh}
        </Title>
        <Text c="dimmed" size="lg">
          {project.titleEn}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Field label={t("project.committee")}>
            <Anchor component={Link} to={`/committees/${project.committee.id}`}>
              {project.committee.code} {localized(project.committee)}
            </Anchor>
          </Field>
          <Field label={t("project.stage")}>
            <Anchor component={Link} to={`/projects/${project.id}/stage`}>
              {stageName(stage, project.stage)}
            </Anchor>
          </Field>
          <Field label={t("project.convention")}>{t(`conventions.${project.convention}`)}</Field>
          <Field label={t("project.standardNumber")}>{project.standardNumber ?? t("project.notAssigned")}</Field>
        </SimpleGrid>
        {project.scope ? (
          <Text mt="md" size="sm">
            {project.scope}
          </Text>
        ) : null}
        <Text mt="sm" size="xs" c="dimmed">
          {t("project.created", { date: formatDate(project.createdAt), name: project.createdBy.name })}
        </Text>
      </Paper>
      <section>
        <Title order={2} size="h3" mb="sm">
          {t("project.documents")}
        </Title>
        {project.documents.length === 0 ? <Text c="dimmed">{t("project.noDocuments")}</Text> : null}
        {main?.content ? (
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t("project.mainText")} · {t("project.readOnlyPreview")}
              </Text>
              <Group gap="xs">
                <Button component={Link} to={`/projects/${project.id}/stage`} size="xs" variant="default">
                  {t("approval.stage.link")}
                </Button>
                <Button component={Link} to={`/projects/${project.id}/versions`} size="xs" variant="default">
                  {t("versions.title")}
                </Button>
                <Button component={Link} to={`/projects/${project.id}/history`} size="xs" variant="default">
                  {t("history.title")}
                </Button>
                <Button component={Link} to={`/projects/${project.id}/register`} size="xs" variant="default" data-testid="project-register-link">
                  {t("comments.register.title")}
                </Button>
                <Button component={Link} to={`/projects/${project.id}/comment-periods`} size="xs" variant="default">
                  {t("comments.periods.title")}
                </Button>
                <Button component={Link} to={`/documents/${main.id}`} size="xs" variant="light">
                  {t("editor.open")}
                </Button>
              </Group>
            </Group>
            <StandardView content={main.content} convention={project.convention} />
          </Stack>
        ) : null}
      </section>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

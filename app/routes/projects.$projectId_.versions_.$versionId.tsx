import { Anchor, Badge, Button, Code, Group, Stack, Text, Title } from "@mantine/core";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import katexStyles from "katex/dist/katex.min.css?url";
import { useTranslation } from "react-i18next";
import { StandardView } from "~/components/document/standard-view";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VersionComments } from "~/components/history/version-comments";
import { requireProjectAccess } from "~/models/access.server";
import { listVersionComments } from "~/models/history.server";
import { getProject } from "~/models/project.server";
import { getVersion, listVersions } from "~/models/version.server";
import { AppError, invariantResponse } from "~/utils/errors";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: katexStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  await requireProjectAccess(request, projectId, "readDocument");
  const project = await getProject(projectId);
  invariantResponse(project, "Not found", { status: 404 });
  let version;
  try {
    version = await getVersion(projectId, params.versionId ?? "");
  } catch (error) {
    if (error instanceof AppError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  const versions = await listVersions(projectId);
  const index = versions.findIndex((v) => v.id === version.id);
  const comments = await listVersionComments(version, project.convention);
  return {
    comments,
    project: { id: project.id, reference: project.reference, convention: project.convention },
    version,
    previous: index > 0 ? versions[index - 1] ?? null : null,
    createdBy: versions[index]?.createdBy ?? "—",
  };
}

export default function VersionPage() {
  const { project, version, previous, createdBy, comments } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} to={`/projects/${project.id}/versions`} size="sm">
          ← {t("versions.title")}
        </Anchor>
        <Anchor component={Link} to={`/projects/${project.id}/history`} size="sm">
          {t("history.versionComments.history")}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="xs">
            <Badge variant="light">{t(`stages.${version.stage}`, { defaultValue: version.stage })}</Badge>
            <Badge variant="outline" color="gray">
              {t("versions.readOnly")}
            </Badge>
          </Group>
          <Title order={1} mt={4}>
            {project.reference} · {version.label}
          </Title>
          <Text size="sm" c="dimmed">
            {createdBy} · {format.format(new Date(version.createdAt))}
          </Text>
          {version.note ? <Text size="sm">{version.note}</Text> : null}
          <Text size="xs" c="dimmed" mt={4}>
            {t("versions.fingerprint")}: <Code>{version.fingerprint}</Code>
          </Text>
        </div>
        {previous ? (
          <Button component={Link} variant="default" to={`/projects/${project.id}/compare?from=${previous.id}&to=${version.id}`}>
            {t("versions.changesSince", { label: previous.label })}
          </Button>
        ) : null}
      </Group>
      <StandardView content={version.content} convention={project.convention} />
      <VersionComments comments={comments} />
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

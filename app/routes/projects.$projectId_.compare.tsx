import { Anchor, Button, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import katexStyles from "katex/dist/katex.min.css?url";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RedlineSummary } from "~/components/versions/redline-summary";
import { RedlineView } from "~/components/versions/redline-view";
import { requireProjectAccess } from "~/models/access.server";
import { compareTexts } from "~/models/compare.server";
import { listVersions } from "~/models/version.server";
import { AppError } from "~/utils/errors";
import { serverT } from "~/utils/server-i18n.server";
import { resolveLocale } from "~/utils/locale.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: katexStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { user } = await requireProjectAccess(request, projectId, "readDocument");
  const url = new URL(request.url);
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "live";
  try {
    const compared = await compareTexts(projectId, from, to);
    return { ...compared, from, to, versions: await listVersions(projectId) };
  } catch (error) {
    if (error instanceof AppError) {
      const t = serverT(await resolveLocale(request, user));
      throw new Response(t(error.userMessageKey), { status: error.status === 404 ? 404 : 400 });
    }
    throw error;
  }
}

export default function ComparePage() {
  const { project, older, newer, redline, from, to, versions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const mode = searchParams.get("mode") === "side-by-side" ? "side-by-side" : "inline";
  const labelOf = (ref: string, label: string | null) => (ref === "live" ? t("versions.liveText") : (label ?? ref));
  const options = [...versions.map((v) => ({ value: v.id, label: v.label })), { value: "live", label: t("versions.liveText") }];
  const fromLabel = labelOf(from, older.label);
  const toLabel = labelOf(to, newer.label);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/projects/${project.id}/versions`} size="sm">
        ← {t("versions.title")}
      </Anchor>
      <Title order={1}>
        {t("versions.compareTitle")}: {fromLabel} → {toLabel}
      </Title>
      <Text c="dimmed">
        {project.reference} · {project.titleZh}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Form method="get">
          <Group align="flex-end" gap="sm">
            <NativeSelect name="from" label={t("versions.from")} defaultValue={from} data={options} />
            <NativeSelect name="to" label={t("versions.to")} defaultValue={to} data={options} />
            <input type="hidden" name="mode" value={mode} />
            <Button type="submit" variant="default">
              {t("versions.compare")}
            </Button>
          </Group>
        </Form>
        <SegmentedControl
          value={mode}
          onChange={(value) => {
            const next = new URLSearchParams(searchParams);
            next.set("mode", value);
            navigate(`?${next.toString()}`, { replace: true, preventScrollReset: true });
          }}
          data={[
            { value: "inline", label: t("versions.inline") },
            { value: "side-by-side", label: t("versions.sideBySide") },
          ]}
        />
        <Button component="a" href={`/projects/${project.id}/compare/docx?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`} download data-testid="export-docx">
          {t("versions.exportDocx")}
        </Button>
      </Group>
      <RedlineSummary summary={redline.summary} />
      <RedlineView older={older.content} newer={newer.content} convention={project.convention} redline={redline} mode={mode} fromLabel={fromLabel} toLabel={toLabel} />
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

// The live editor of one document. The server renders the stored text read-only, so the page is useful
// before any script runs and for those who may only read; in the browser the editor takes over once
// the document's live content has arrived. The same policy decides editing here and on the socket
// (server/collab/authentication.ts), and the socket is what enforces it.
import { Alert, Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import katexStyles from "katex/dist/katex.min.css?url";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { StandardView } from "~/components/document/standard-view";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireProjectAccess } from "~/models/access.server";
import { findDocumentProjectId, getDocumentForEditor } from "~/models/document.server";
import { editingFacts } from "~/models/editing-lock.server";
import { canEditText, editingLockReason } from "~/policies/editing";
import { invariantResponse } from "~/utils/errors";
import { useLocalized } from "~/utils/localized";
import { requireUser } from "~/utils/session.server";
import { stageNamesOf } from "~/models/stage-model.server";
import { useStageName } from "~/components/approval/stage-name";

// ProseMirror, IndexedDB and WebSockets need a browser: the editor is loaded there only.
const DocumentEditor = lazy(() => import("~/components/editor/document-editor"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: katexStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.document.project.reference} · ${data.document.titleZh} · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const documentId = params.documentId ?? "";
  const projectId = await findDocumentProjectId(documentId);
  // Unknown and inaccessible documents answer alike (404), so ids cannot be probed.
  invariantResponse(projectId, "Not found", { status: 404 });
  const access = await requireProjectAccess(request, projectId, "readDocument");
  const document = await getDocumentForEditor(documentId);
  invariantResponse(document, "Not found", { status: 404 });
  const facts = await editingFacts(projectId);
  invariantResponse(facts, "Not found", { status: 404 });
  const stageName = (await stageNamesOf([projectId])).get(projectId) ?? null;
  return {
    document,
    stageName,
    user: { id: user.id, name: user.name },
    canEdit: canEditText(access.standing, facts),
    lockReason: editingLockReason(facts),
  };
}

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function DocumentPage() {
  const { document, stageName, user, canEdit, lockReason } = useLoaderData<typeof loader>();
  const stageLabelOf = useStageName();
  const { project } = document;
  const { t } = useTranslation();
  const localized = useLocalized();
  const hydrated = useHydrated();

  const preview = document.content ? (
    <StandardView content={document.content} convention={project.convention} />
  ) : (
    <Text c="dimmed">{t("editor.loading")}</Text>
  );

  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to={`/committees/${project.committee.id}`}>
          {project.committee.code}
        </Anchor>
        <Anchor component={Link} to={`/projects/${project.id}`}>
          {project.reference}
        </Anchor>
        <Text>{localized(document)}</Text>
      </Breadcrumbs>
      <Group gap="sm" align="baseline">
        <Title order={1} size="h3">
          {localized(project)}
        </Title>
        <Badge variant="light">{stageLabelOf(stageName, project.stage)}</Badge>
        <Anchor component={Link} to={`/projects/${project.id}/register`} size="sm" data-testid="editor-register-link">
          {t("comments.register.title")}
        </Anchor>
      </Group>
      {lockReason ? (
        <Alert color="gray" variant="light" data-testid="editing-lock">
          {t(`editor.locked.${lockReason}`)}
        </Alert>
      ) : null}
      {hydrated ? (
        <Suspense fallback={preview}>
          <DocumentEditor
            documentId={document.id}
            userId={user.id}
            userName={user.name}
            canEdit={canEdit}
            convention={project.convention}
            preview={preview}
          />
        </Suspense>
      ) : (
        preview
      )}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };

// The editing screen around one session: outline, toolbar, save state, presence, and the document.
// Until the session has content (the server's, or an editor's copy in IndexedDB) the read-only
// preview stays, so the page is never blank and ProseMirror never starts on an empty document.
import { Alert, Anchor, Button, Group } from "@mantine/core";
import { IconAlertTriangle, IconEye } from "@tabler/icons-react";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Convention } from "~/editor/numbering";
import type { CloseReason } from "~/editor/view/close-reason";
import { createEditor } from "~/editor/view/create-editor";
import type { EditorSession } from "~/editor/view/editor-session";
import { CommentMargin } from "~/components/comments/comment-margin";
import { CrossRefPicker } from "./cross-ref-picker";
import { EditorStore } from "./editor-store";
import { EditorToolbar } from "./editor-toolbar";
import { OutlinePanel } from "./outline-panel";
import { PresenceList } from "./presence-list";
import { SaveIndicator } from "./save-indicator";
import "./editor.css";

export interface EditorWorkspaceProps {
  session: EditorSession;
  convention: Convention;
  /** Shown until the editor has content: the server-rendered text of the document. */
  preview: ReactNode;
  /** Where "sign in again" leads. */
  signInUrl?: string;
  /** Lets a benchmark time the first render and every change. */
  onEditorChange?: () => void;
  /** Shows the comment margin of this document (the live editor; not the benchmark). */
  comments?: { documentId: string; initialCommentId?: string | null };
}

function ClosedNotice({ reason, signInUrl }: { reason: CloseReason; signInUrl?: string }) {
  const { t } = useTranslation();
  const retrying = reason === "tooManyConnections";
  return (
    <Alert color={retrying ? "yellow" : "red"} icon={<IconAlertTriangle size={18} />} data-testid="closed-notice" data-reason={reason}>
      <Group justify="space-between" gap="sm">
        <span>{t(`editor.closed.${reason}`)}</span>
        {reason === "unauthenticated" && signInUrl ? (
          <Anchor href={signInUrl} fw={600}>
            {t("editor.closed.signIn")}
          </Anchor>
        ) : !retrying ? (
          <Button size="compact-sm" variant="light" onClick={() => window.location.reload()}>
            {t("editor.closed.reload")}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}

export function EditorWorkspace({ session, convention, preview, signInUrl, onEditorChange, comments }: EditorWorkspaceProps) {
  const { t } = useTranslation();
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const getState = useCallback(() => session.getState(), [session]);
  const getPresence = useCallback(() => session.getPresence(), [session]);
  const state = useSyncExternalStore(subscribe, getState, getState);
  const presence = useSyncExternalStore(subscribe, getPresence, getPresence);
  const store = useMemo(() => new EditorStore(), []);
  const mountRef = useRef<HTMLDivElement>(null);
  const [viewReady, setViewReady] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const initiallyEditable = useRef(state.editable);

  // Read through a ref so the view sees a change of rights without being rebuilt.
  const editableRef = useRef(state.editable);
  editableRef.current = state.editable;
  const onChangeRef = useRef(onEditorChange);
  onChangeRef.current = onEditorChange;

  useEffect(() => {
    const mount = mountRef.current;
    if (!state.ready || !mount) return;
    const view = createEditor({
      mount,
      session,
      convention,
      editable: () => editableRef.current,
      labels: {
        document: t("editor.document"),
        formula: { empty: t("editor.formula.empty"), source: t("editor.formula.source"), hint: t("editor.formula.hint") },
        crossRef: { broken: t("editor.crossRef.broken") },
      },
      onChange: () => {
        store.changed();
        onChangeRef.current?.();
      },
      onCrossRefRequest: () => setPickerOpen(true),
    });
    store.setView(view);
    setViewReady(true);
    onChangeRef.current?.();
    return () => {
      store.setView(null);
      view.destroy();
      setViewReady(false);
    };
    // A language switch rebuilds the view, for the labels inside it.
  }, [state.ready, session, convention, store, t]);

  useEffect(() => {
    // The view asks `editable` on every update; an empty update makes it ask now.
    store.view?.setProps({});
    store.changed();
  }, [state.editable, store]);

  useEffect(() => () => store.dispose(), [store]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!session.getState().unsaved) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [session]);

  const readOnlyNotice = !state.editable ? (
    <Alert color="gray" icon={<IconEye size={18} />} data-testid="read-only-notice">
      {initiallyEditable.current ? t("editor.readOnlyNow") : t("editor.readOnly")}
    </Alert>
  ) : null;

  return (
    <div
      className={comments ? "studio-editor-layout studio-editor-layout--comments" : "studio-editor-layout"}
      data-testid="editor-workspace"
      data-ready={viewReady}
    >
      <aside className="studio-editor-aside">{viewReady ? <OutlinePanel store={store} /> : null}</aside>
      <div className="studio-editor-main">
        <div className="studio-editor-bar">
          {/* Readers get no tools: the save state says "read-only" and the notice below says why. */}
          {state.editable && viewReady ? <EditorToolbar store={store} onCrossRef={() => setPickerOpen(true)} /> : <div />}
          <Group gap="md" wrap="nowrap" className="studio-editor-status">
            <SaveIndicator state={state} />
            <PresenceList users={presence} />
          </Group>
        </div>
        {state.closeReason ? <ClosedNotice reason={state.closeReason} signInUrl={signInUrl} /> : null}
        {readOnlyNotice}
        {viewReady ? null : preview}
        <div ref={mountRef} className="standard-view studio-editor" hidden={!viewReady} data-testid="editor" />
      </div>
      {comments ? (
        <aside className="studio-editor-comments">
          {viewReady ? <CommentMargin store={store} session={session} documentId={comments.documentId} initialCommentId={comments.initialCommentId} /> : null}
        </aside>
      ) : null}
      {viewReady ? <CrossRefPicker store={store} opened={pickerOpen} onClose={() => setPickerOpen(false)} /> : null}
    </div>
  );
}

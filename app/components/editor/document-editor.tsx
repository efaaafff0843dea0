// The live editor of one document: opens a CollabSession (WebSocket + IndexedDB) for as long as the
// page shows it. Loaded only in the browser (the route imports it lazily), since ProseMirror,
// IndexedDB and WebSockets need one.
import { useEffect, useState, type ReactNode } from "react";
import type { Convention } from "~/editor/numbering";
import { CollabSession } from "~/editor/view/collab-session";
import { EditorWorkspace } from "./editor-workspace";

export interface DocumentEditorProps {
  documentId: string;
  userId: string;
  userName: string;
  canEdit: boolean;
  convention: Convention;
  preview: ReactNode;
}

export default function DocumentEditor({ documentId, userId, userName, canEdit, convention, preview }: DocumentEditorProps) {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const opened = new CollabSession({ documentId, userId, userName, canEdit });
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [documentId, userId, userName, canEdit]);

  if (!session) return <>{preview}</>;
  const here = `${window.location.pathname}${window.location.search}`;
  return (
    <EditorWorkspace
      session={session}
      convention={convention}
      preview={preview}
      signInUrl={`/login?${new URLSearchParams({ redirectTo: here }).toString()}`}
      comments={{ documentId, initialCommentId: new URLSearchParams(window.location.search).get("comment") }}
    />
  );
}

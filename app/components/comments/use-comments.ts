// The comments of one document in the browser: loaded from the comments resource route, loaded again
// whenever the server says they changed (message 102 on the collaboration socket), and changed by
// posting one action at a time. The server checks every action; this only shows its answer.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CommentThreadView } from "~/models/comment.server";
import type { ActionResult } from "~/utils/action-result";
import type { EditorSession } from "~/editor/view/editor-session";

export type CommentsData = {
  threads: CommentThreadView[];
  members: { id: string; name: string }[];
  period: { id: string; title: string; closesAt: string } | null;
  can: { comment: boolean; dispose: boolean; applyChanges: boolean };
};

export function useComments(documentId: string, session: EditorSession) {
  const [data, setData] = useState<CommentsData | null>(null);
  const url = `/documents/${documentId}/comments`;
  const latest = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const loaded = (await response.json()) as CommentsData;
      // An older answer arriving after a newer one must not win.
      if (ticket === latest.current) setData(loaded);
    } catch {
      // Offline: the list stays as it was; the next signal or action loads it again.
    }
  }, [url]);

  useEffect(() => {
    void load();
    return session.onCommentsChanged?.(() => void load());
  }, [load, session]);

  const submit = useCallback(
    async (fields: Record<string, string>): Promise<ActionResult> => {
      let result: ActionResult;
      try {
        const response = await fetch(url, { method: "POST", body: new URLSearchParams(fields), credentials: "same-origin" });
        const type = response.headers.get("Content-Type") ?? "";
        result = type.includes("json")
          ? ((await response.json()) as ActionResult)
          : { ok: false, intent: fields.intent ?? "", error: response.status === 403 ? "comments.errors.mayNotComment" : "errors.server.title" };
      } catch {
        result = { ok: false, intent: fields.intent ?? "", error: "comments.errors.offline" };
      }
      if (result.ok) await load();
      return result;
    },
    [url, load],
  );

  return { data, submit, reload: load };
}

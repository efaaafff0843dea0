/*
 * The page `npm run bench:editor` opens (tests/bench/editor.ts builds it with Vite): the real editing
 * screen (EditorWorkspace: ProseMirror with every plugin, toolbar, outline, save state) on a
 * LocalSession, so no server is involved. The document arrives as one Yjs update, as the server's
 * sync step 2 would bring it, and the page records when it became editable and how long each
 * keystroke took to reach the DOM.
 */
import "@mantine/core/styles.css";
import "katex/dist/katex.min.css";
import { MantineProvider } from "@mantine/core";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import * as Y from "yjs";
import { EditorWorkspace } from "~/components/editor/editor-workspace";
import { theme } from "~/components/theme";
import { LocalSession } from "~/editor/view/editor-session";
import { createI18n } from "~/utils/i18n";

export interface OpenFigures {
  /** All in ms since navigation started. */
  documentReceived: number;
  yjsApplied: number;
  editorCreated: number;
  /** The first frame after the editor was created. */
  editorPainted: number;
  /** The first frame after the outline, the last part to render, is there: the page takes input. */
  settled: number;
}

export interface BenchApi {
  opened: Promise<OpenFigures>;
  /** keydown (event time) → the editor's DOM updated, one entry per keystroke. */
  keyToDom: number[];
  /** keydown → the next animation frame, i.e. about when it is painted. */
  keyToFrame: number[];
  reset(): void;
}

declare global {
  interface Window {
    studioBench: BenchApi;
  }
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function nextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

let pendingKey: number | null = null;
const keyToDom: number[] = [];
const keyToFrame: number[] = [];

document.addEventListener(
  "keydown",
  (event) => {
    // The event's own timestamp: the time from the key press, including any wait before dispatch.
    pendingKey = event.timeStamp;
  },
  true,
);

let created: ((at: number) => void) | null = null;
const editorCreated = new Promise<number>((resolve) => (created = resolve));

function onEditorChange() {
  const now = performance.now();
  if (created) {
    created(now);
    created = null;
  }
  if (pendingKey === null) return;
  const start = pendingKey;
  pendingKey = null;
  keyToDom.push(now - start);
  void nextFrame().then((at) => keyToFrame.push(at - start));
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await nextFrame();
}

async function open(): Promise<OpenFigures> {
  const response = await fetch("./document.bin");
  const update = new Uint8Array(await response.arrayBuffer());
  const documentReceived = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const yjsApplied = performance.now();
  const session = new LocalSession(doc);
  const i18n = createI18n("zh-CN");
  const container = document.getElementById("root");
  if (!container) throw new Error("no #root");
  createRoot(container).render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <div style={{ maxWidth: 1200, margin: "0 auto", padding: 16 }}>
          <EditorWorkspace session={session} convention="GB" preview={null} onEditorChange={onEditorChange} />
        </div>
      </MantineProvider>
    </I18nextProvider>,
  );
  const editorCreatedAt = await editorCreated;
  const editorPainted = await nextFrame();
  await waitFor(() => document.querySelector('[data-testid="outline-item"]') !== null);
  const settled = await nextFrame();
  return { documentReceived, yjsApplied, editorCreated: editorCreatedAt, editorPainted, settled };
}

window.studioBench = {
  opened: open(),
  keyToDom,
  keyToFrame,
  reset() {
    keyToDom.length = 0;
    keyToFrame.length = 0;
  },
};

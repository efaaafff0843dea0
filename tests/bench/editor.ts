/*
 * `npm run bench:editor`: how fast the editor opens a 200-page standard and answers a keystroke.
 *
 * How: a standard of about 100,000 characters (600 clauses, 80 tables, 300 term entries; see
 * editor-fixture.ts) is generated here and encoded as one Yjs update, as the collaboration server's
 * sync would send it. Vite builds tests/bench/editor-page.tsx, a standalone page showing the real
 * editing screen (EditorWorkspace with every plugin, the toolbar and the outline) on a LocalSession,
 * so the figures are the browser's alone: no server, network or database. Debian's Chromium
 * (playwright-core) then, in several runs, each in a fresh browser context:
 * - opens the page: the time from navigation start until the editor is painted and the outline (the
 *   last thing to render) is there, i.e. the page takes input. Target: under 1.5 s;
 * - types 40 characters into a paragraph in the middle of the document, one keystroke every 40 ms:
 *   keydown (the event's own timestamp) → the editor's DOM updated (measured right after ProseMirror
 *   applied the change), and → the next animation frame. Target: median under 16 ms;
 * - inserts 5 clauses near the start (each renumbers the ~600 clauses after it) and types in a title.
 * It prints the median of the runs' figures and exits 1 if a target is missed.
 * Chromium is launched without the omnibox popup pages it would otherwise build for every new
 * window, on the same two cores as the page (tests/support/chromium.ts).
 *
 * Options (environment): BENCH_RUNS (default 5), CHROMIUM_PATH (default /usr/bin/chromium),
 * BENCH_TRACE=<file.json> to record a Chrome trace of the first run's typing (open it in DevTools).
 */
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { prosemirrorToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { BENCH_CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/chromium";
import type { OpenFigures } from "./editor-page";
import { BENCH_SHAPE, generateLargeStandard } from "./editor-fixture";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OPEN_TARGET_MS = 1500;
const KEY_TARGET_MS = 16;
const root = path.resolve(import.meta.dirname, "../..");

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(root, "tests/bench"),
    logLevel: "warn",
    resolve: { alias: { "~": path.join(root, "app") } },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: path.join(root, "tests/bench/editor-bench.html"),
        // Mantine marks its modules "use client" for React Server Components; meaningless here.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  });
}

function serve(directory: string, documentUpdate: Uint8Array): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf" };
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/document.bin") {
      response.writeHead(200, { "Content-Type": "application/octet-stream" });
      response.end(documentUpdate);
      return;
    }
    const file = path.join(directory, pathname === "/" ? "editor-bench.html" : pathname);
    if (!file.startsWith(directory)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

interface RunFigures {
  open: OpenFigures;
  keyToDom: number[];
  keyToFrame: number[];
  clauseToDom: number[];
  titleKeyToDom: number[];
}

async function collect(page: Page): Promise<{ keyToDom: number[]; keyToFrame: number[] }> {
  // Let the last frame callbacks land.
  await page.waitForTimeout(100);
  return page.evaluate(() => ({ keyToDom: [...window.studioBench.keyToDom], keyToFrame: [...window.studioBench.keyToFrame] }));
}

async function run(page: Page, url: string, trace: string | null): Promise<RunFigures> {
  await page.goto(url);
  const open = await page.evaluate(() => window.studioBench.opened);

  // Typing in the middle of the document.
  const paragraph = page.locator(".ProseMirror section#c-300 > p").first();
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.waitForTimeout(300);
  await page.evaluate(() => window.studioBench.reset());
  const browser = page.context().browser();
  if (trace && browser) await browser.startTracing(page, { path: trace, categories: ["devtools.timeline", "blink.user_timing"] });
  // Latin letters: each is a real keydown (Chinese arrives through an input method, without one).
  await page.keyboard.type("The connector shall comply with 5.3 abcd", { delay: 40 });
  const typing = await collect(page);
  if (trace && browser) await browser.stopTracing();

  // New clauses near the start: each renumbers the clauses after it.
  await page.locator(".ProseMirror section#c-5 > p").first().click();
  await page.waitForTimeout(300);
  await page.evaluate(() => window.studioBench.reset());
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Control+Enter");
    await page.waitForTimeout(150);
  }
  const clauses = await collect(page);

  // Typing in the title just made (the outline follows after a pause).
  await page.evaluate(() => window.studioBench.reset());
  await page.keyboard.type("New clause title", { delay: 40 });
  const title = await collect(page);

  return { open, keyToDom: typing.keyToDom, keyToFrame: typing.keyToFrame, clauseToDom: clauses.keyToDom, titleKeyToDom: title.keyToDom };
}

async function main() {
  const outDir = await mkdtemp(path.join(tmpdir(), "studio-editor-bench-"));
  const generatedAt = performance.now();
  const standard = generateLargeStandard(BENCH_SHAPE);
  const update = Y.encodeStateAsUpdate(prosemirrorToYDoc(standard, PROSEMIRROR_FRAGMENT));
  console.log(
    `document: ${standard.textContent.length.toLocaleString("en")} characters, ${BENCH_SHAPE.clauses} clauses, ` +
      `${BENCH_SHAPE.tables} tables, ${BENCH_SHAPE.terms} term entries; Yjs update ${(update.length / 1024).toFixed(0)} KB ` +
      `(generated in ${ms(performance.now() - generatedAt)})`,
  );
  await buildPage(outDir);
  const { server, url } = await serve(outDir, update);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: BENCH_CHROMIUM_ARGS,
  });
  const runs: RunFigures[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("crash", () => errors.push("the page crashed"));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      const figures = await run(page, url, i === 0 ? (process.env.BENCH_TRACE ?? null) : null).catch((error: unknown) => {
        throw new Error(`run ${i + 1} failed: ${String(error)}; page errors: ${errors.join("; ") || "none"}`);
      });
      await context.close();
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
      if (figures.keyToDom.length < 30) throw new Error(`only ${figures.keyToDom.length} keystrokes were measured`);
      runs.push(figures);
      console.log(
        `run ${i + 1}: open ${ms(figures.open.settled)} (editor painted ${ms(figures.open.editorPainted)}), ` +
          `keystroke → DOM median ${ms(median(figures.keyToDom))}, → frame ${ms(median(figures.keyToFrame))}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }

  const of = (pick: (run: RunFigures) => number) => median(runs.map(pick));
  const openMs = of((r) => r.open.settled);
  const keyMs = of((r) => median(r.keyToDom));
  const allKeys = runs.flatMap((r) => r.keyToDom);
  console.log(`\nmedian of ${runs.length} runs (Chromium ${browser.version()}):`);
  console.log(`  open to editable view        ${ms(openMs)}   target < ${OPEN_TARGET_MS} ms   ${openMs < OPEN_TARGET_MS ? "PASS" : "FAIL"}`);
  console.log(`    document received          ${ms(of((r) => r.open.documentReceived))}`);
  console.log(`    Yjs update applied         ${ms(of((r) => r.open.yjsApplied))}`);
  console.log(`    editor created             ${ms(of((r) => r.open.editorCreated))}`);
  console.log(`    editor painted             ${ms(of((r) => r.open.editorPainted))}`);
  console.log(`  keystroke → DOM              ${ms(keyMs)}   target < ${KEY_TARGET_MS} ms   ${keyMs < KEY_TARGET_MS ? "PASS" : "FAIL"}`);
  console.log(`    p95 over all keystrokes    ${ms(percentile(allKeys, 95))}`);
  console.log(`  keystroke → next frame       ${ms(of((r) => median(r.keyToFrame)))}`);
  console.log(`  new clause (renumbers ~600) → DOM   ${ms(of((r) => median(r.clauseToDom)))}`);
  console.log(`  keystroke in a title → DOM   ${ms(of((r) => median(r.titleKeyToDom)))}`);
  if (!(openMs < OPEN_TARGET_MS && keyMs < KEY_TARGET_MS)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

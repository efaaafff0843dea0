// The README's start path on a machine with no database: the server starts on embedded PostgreSQL,
// seeds the demo, answers /healthz, stops cleanly on SIGTERM, and keeps its data across a restart.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";

const dataDir = await mkdtemp(path.join(tmpdir(), "studio-embedded-"));
let port = 0;

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function start(): Promise<{ server: ChildProcess; output: () => string }> {
  port ||= await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "info", NODE_ENV: "test" };
  delete env.DATABASE_URL;
  delete env.SESSION_SECRET;
  // NODE_ENV=test takes the production code path; pages need the Vite build, which this test does not.
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  server.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { server, output: () => output };
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill("SIGKILL");
  throw new Error(`no healthy server in 90 s:\n${output}`);
}

async function stop(server: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  return exited;
}


test("first start seeds the demo; SIGTERM stops cleanly; a restart keeps the data", { timeout: 240_000 }, async () => {
  const first = await start();
  expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: "ok", db: "ok" });
  expect(first.output()).toContain("first start: demo data seeded");
  expect(await stop(first.server)).toBe(0);
  expect(first.output()).toContain("stopped");

  const second = await start();
  // The demo is seeded only into a database without users: not seeding again means the data survived.
  expect(second.output()).not.toContain("demo data seeded");
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  expect(await stop(second.server)).toBe(0);
});

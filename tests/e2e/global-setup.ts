// Builds the app, creates a fresh database with the demo data, and starts the production server on
// a free port. Tests find them in E2E_BASE_URL and E2E_DATABASE_URL. E2E_SKIP_BUILD=1 reuses an existing build (handy while writing tests).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { migrateDatabase } from "../../server/migrate";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../setup/database-admin";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy in 90 s:\n${output()}`);
}

export default async function globalSetup() {
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync("build/server/index.js")) {
    execFileSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  }
  const name = uniqueDatabaseName("studio_e2e");
  const databaseUrl = await createDatabase(name);
  await migrateDatabase(databaseUrl);
  execFileSync("npx", ["tsx", "scripts/seed.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = "";
  const server = spawn("npx", ["tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: "e2e-session-secret-with-at-least-32-characters",
      APP_URL: baseURL,
      LOG_LEVEL: "error",
      // The outbox page is how e2e tests read invitation mail, as a person would without SMTP.
      STUDIO_OUTBOX_PUBLIC: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(baseURL, server, () => output);

  // Workers inherit the environment: this is how tests learn where the server and database are.
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_DATABASE_URL = databaseUrl;

  return async () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    await dropDatabase(name);
    if (output.includes("Error") && process.env.E2E_SHOW_SERVER_LOG === "1") console.warn(output);
  };
}

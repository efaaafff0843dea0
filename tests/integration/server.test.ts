// The HTTP layer in front of Remix: health check and security headers.
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { disconnectPrisma } from "~/utils/db.server";
import { createHttpApp } from "../../server/http-app";
import { useTestDatabase } from "../setup/test-database";

const db = useTestDatabase();
let server: Server;
let base = "";

beforeAll(async () => {
  const app = createHttpApp({ vite: null, buildDir: "build-that-is-not-needed-here", logRequests: false, isShuttingDown: () => false });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("GET /healthz answers 200 with the database up", async () => {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(response.headers.get("x-powered-by")).toBeNull();
});

test("GET /healthz answers 503 when the database does not answer", async () => {
  await disconnectPrisma();
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/none";
  try {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", db: "down" });
  } finally {
    await disconnectPrisma();
    process.env.DATABASE_URL = db.url();
  }
});

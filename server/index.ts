// One Node process: Remix pages and the collaboration WebSocket (/collab/…) on one port.
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { EnvError } from "~/utils/env.server";
import { disconnectPrisma } from "~/utils/db.server";
import { boot } from "./boot";
import { CollabServer } from "./collab";
import { createHttpApp } from "./http-app";
import { startJobs } from "./jobs";
import { exposeLiveDocuments } from "./live-documents";
import { log } from "./log";
import { RedisAccessRelay } from "./redis-access-relay";
import { RedisFanOut } from "./redis-fan-out";
import { deliverRelayedAccessChange, setAccessRelay } from "~/utils/access-events.server";

async function main() {
  const { env, embedded } = await boot();
  const httpServer = createServer();
  let shuttingDown = false;

  const vite =
    env.NODE_ENV === "development"
      ? await import("vite").then((v) =>
          v.createServer({ server: { middlewareMode: true, hmr: { server: httpServer } }, appType: "custom" }),
        )
      : null;

  const app = createHttpApp({
    vite,
    buildDir: process.env.BUILD_DIR ?? "build",
    logRequests: env.LOG_LEVEL === "info" || env.LOG_LEVEL === "debug",
    isShuttingDown: () => shuttingDown,
  });
  httpServer.on("request", app);

  // With REDIS_URL, several processes share live documents through Redis; alone, in-process.
  const fanOut = env.REDIS_URL ? new RedisFanOut(env.REDIS_URL) : undefined;
  if (fanOut) {
    await fanOut.ready().catch((error: unknown) => {
      throw new Error(`REDIS_URL: cannot reach Redis at ${env.REDIS_URL} (${String(error)})`);
    });
    log.info("live updates fan out through Redis");
  }
  const accessRelay = env.REDIS_URL ? new RedisAccessRelay(env.REDIS_URL, deliverRelayedAccessChange) : undefined;
  if (accessRelay) {
    await accessRelay.ready();
    setAccessRelay((change) => accessRelay.publish(change));
  }
  const collab = new CollabServer({ allowedOrigins: [new URL(env.APP_URL).origin], fanOut });
  const hideLiveDocuments = exposeLiveDocuments(collab);
  httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (collab.handleUpgrade(request, socket, head)) return;
    // In development Vite's HMR server answers its own upgrades (vite-hmr, vite-ping); in
    // production nothing else upgrades.
    if (!vite) socket.destroy();
  });

  const jobs = startJobs({ intervalMs: env.JOB_INTERVAL_MS });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, resolve));
  log.info(`listening on ${env.APP_URL} (port ${env.PORT}, ${env.NODE_ENV})`);

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: finishing in-flight requests`);
    const forced = setTimeout(() => {
      log.warn("in-flight requests did not finish within 10 s; closing anyway");
      httpServer.closeAllConnections();
    }, 10_000);
    forced.unref();
    // First, because the HTTP server's close waits for upgraded sockets too: closes the editors'
    // sockets (4503: they reconnect to the next process) and stores what they sent.
    await jobs.stop();
    hideLiveDocuments();
    await collab.close();
    await fanOut?.close();
    setAccessRelay(undefined);
    await accessRelay?.close();
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeIdleConnections();
    });
    await vite?.close();
    await disconnectPrisma();
    await embedded?.stop();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error("[studio] failed to start:", error);
  }
  process.exit(1);
});

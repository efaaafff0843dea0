// The Express app in front of Remix: security headers, compression, request logging, immutable
// caching of built assets, and the health check. Remix comes from Vite middleware in development and
// from the built server bundle in production.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express } from "express";
import helmet from "helmet";
import morgan from "morgan";
import type { ViteDevServer } from "vite";
import { prisma } from "~/utils/db.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
  }
}

export type HttpAppOptions = {
  vite: ViteDevServer | null;
  buildDir: string;
  logRequests: boolean;
  /** Set while shutting down: health turns 503 so a load balancer stops sending traffic. */
  isShuttingDown: () => boolean;
};

async function databaseAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    // The app reads the client address from this header; never trust one sent by the client.
    req.headers["x-client-address"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: options.vite
        ? false // Vite's dev client injects inline scripts and connects for HMR
        : {
            directives: {
              "default-src": ["'self'"],
              "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
              "style-src": ["'self'", "'unsafe-inline'"], // Mantine and KaTeX set inline styles
              "img-src": ["'self'", "data:", "blob:"],
              "connect-src": ["'self'", "ws:", "wss:"],
              "font-src": ["'self'", "data:"],
              "upgrade-insecure-requests": null,
            },
          },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: process.env.APP_URL?.startsWith("https://") ?? false,
    }),
  );
  app.use(compression());
  if (options.logRequests) app.use(morgan(":method :url :status :res[content-length] - :response-time ms"));

  app.get("/healthz", async (_req, res) => {
    const dbOk = !options.isShuttingDown() && (await databaseAnswers());
    res.status(dbOk ? 200 : 503).json({ status: dbOk ? "ok" : "unavailable", db: dbOk ? "ok" : "down" });
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (options.vite) {
    const vite = options.vite;
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const client = path.join(options.buildDir, "client");
    // Fingerprinted file names: safe to cache forever.
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
    build = async () =>
      (await import(/* @vite-ignore */ path.resolve(options.buildDir, "server/index.js"))) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: options.vite ? "development" : "production",
      getLoadContext: (_req, res) => ({ cspNonce: String(res.locals.cspNonce) }),
    }),
  );
  return app;
}

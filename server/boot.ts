// Prepares configuration and the database before the app loads: embedded PostgreSQL when no
// DATABASE_URL is given, a persisted session secret for that default, migrations, and the demo seed
// on the embedded default's first start.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv, type Env } from "~/utils/env.server";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { migrateDatabase } from "./migrate";
import { log } from "./log";

export type Booted = { env: Env; embedded: EmbeddedDb | null };

async function persistedSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "session-secret");
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export async function boot(): Promise<Booted> {
  let env = parseEnv(process.env);
  let embedded: EmbeddedDb | null = null;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDb(env.DATA_DIR);
    process.env.DATABASE_URL = embedded.url;
    process.env.DB_POOL_MAX = "1"; // PGlite is one session: a bigger pool would interleave transactions
    process.env.STUDIO_EMBEDDED_DB = "1";
    log.info(`embedded PostgreSQL (PGlite) with data in ${path.resolve(env.DATA_DIR, "pglite")}`);
  }
  if (!process.env.SESSION_SECRET) process.env.SESSION_SECRET = await persistedSecret(env.DATA_DIR);
  env = parseEnv(process.env);
  await migrateDatabase(process.env.DATABASE_URL ?? "");
  log.info("database migrations applied");
  if (embedded) {
    const { seedDemoIfEmpty } = await import("../prisma/seed/demo.server");
    if (await seedDemoIfEmpty()) log.info("first start: demo data seeded (README: Demo accounts)");
  }
  return { env, embedded };
}

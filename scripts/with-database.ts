// Runs a task against DATABASE_URL, or against the embedded database under DATA_DIR when it is unset
// (the same default the server uses), after applying migrations.
import { disconnectPrisma } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { startEmbeddedDb } from "../server/embedded-db";
import { migrateDatabase } from "../server/migrate";

export async function withDatabase(task: () => Promise<void>): Promise<void> {
  const env = parseEnv(process.env);
  const embedded = env.DATABASE_URL ? null : await startEmbeddedDb(env.DATA_DIR);
  if (embedded) {
    process.env.DATABASE_URL = embedded.url;
    process.env.DB_POOL_MAX = "1";
  }
  try {
    await migrateDatabase(process.env.DATABASE_URL ?? "");
    await task();
  } finally {
    await disconnectPrisma();
    await embedded?.stop();
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

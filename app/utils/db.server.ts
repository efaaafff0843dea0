// One Prisma client per process, over one pg pool. The custom server and the Remix build are
// separate module graphs (and Vite reloads modules in development), so both live on globalThis:
// embedded PGlite serves a single connection, and two pools would fight over it.
//
// The pool is also handed out (getPool) for the one hot path that skips Prisma: the collaboration
// server's append of every stored edit (server/collab/document-store.ts). Prisma compiles each query
// on the event loop, which cost that path more than the database did.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

type Database = { client: PrismaClient; pool: pg.Pool };

/**
 * pg closes a connection after 10 s unused by default. The pool grows to its maximum whenever many
 * editors connect at once (each is authorized and its document loaded), and ten seconds later the
 * extra connections were closed together. A PostgreSQL backend's exit costs it about 15 ms of CPU
 * here, so closing nine at once held both cores of a two-core machine for tens of milliseconds: the
 * worst of the collaboration benchmark's tail (ADR 022). A lull in editing keeps the connections.
 */
const IDLE_CONNECTION_MS = 10 * 60_000;
type Global = typeof globalThis & { __studioDatabase?: Database };

function createDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the server sets it before the app loads");
  const max = Number(process.env.DB_POOL_MAX ?? 10);
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: IDLE_CONNECTION_MS });
  // An idle connection that PostgreSQL drops (a restart, a network cut) is removed from the pool and
  // replaced on next use; unheard, the error would end the process.
  pool.on("error", (error) => process.stderr.write(`database: an idle connection failed: ${error.message}\n`));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { client: new PrismaClient({ adapter }), pool };
}

function database(): Database {
  const g = globalThis as Global;
  g.__studioDatabase ??= createDatabase();
  return g.__studioDatabase;
}

export function getPrisma(): PrismaClient {
  return database().client;
}

/** The pool under Prisma, for raw SQL on a hot path; everything else goes through Prisma. */
export function getPool(): pg.Pool {
  return database().pool;
}

/** Lazily created so that importing a model module never opens a connection by itself. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectPrisma(): Promise<void> {
  const g = globalThis as Global;
  const current = g.__studioDatabase;
  g.__studioDatabase = undefined;
  // The adapter ends the pool with the client (disposeExternalPool).
  await current?.client.$disconnect();
}

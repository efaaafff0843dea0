// One Prisma client per process. The custom server and the Remix build are separate module graphs
// (and Vite reloads modules in development), so the client lives on globalThis: embedded PGlite
// serves a single connection, and two pools would fight over it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

type Global = typeof globalThis & { __studioPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the server sets it before the app loads");
  const max = Number(process.env.DB_POOL_MAX ?? 10);
  const adapter = new PrismaPg({ connectionString: url, max });
  return new PrismaClient({ adapter });
}

export function getPrisma(): PrismaClient {
  const g = globalThis as Global;
  g.__studioPrisma ??= createClient();
  return g.__studioPrisma;
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
  const client = g.__studioPrisma;
  g.__studioPrisma = undefined;
  await client?.$disconnect();
}

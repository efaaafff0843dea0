// Call `useTestDatabase()` at the top of a test file that touches the database: the file gets its own
// fresh, migrated PostgreSQL database (cloned from the template), dropped afterwards.
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectPrisma } from "~/utils/db.server";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./database-admin";

export function useTestDatabase(): { url: () => string } {
  const name = uniqueDatabaseName("studio_test");
  let url = "";
  beforeAll(async () => {
    url = await createDatabase(name, inject("templateDatabase"));
    process.env.DATABASE_URL = url;
    process.env.DB_POOL_MAX = "5";
    await disconnectPrisma(); // a client from an earlier file in this worker pointed elsewhere
  });
  afterAll(async () => {
    await disconnectPrisma();
    await dropDatabase(name);
  });
  return { url: () => url };
}

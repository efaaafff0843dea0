// Once per Vitest run: a template database with every migration applied; test files clone it.
import { migrateDatabase } from "../../server/migrate";
import { createDatabase, dropDatabase, TEMPLATE_DATABASE } from "./database-admin";

export default async function globalSetup() {
  await dropDatabase(TEMPLATE_DATABASE);
  const url = await createDatabase(TEMPLATE_DATABASE);
  await migrateDatabase(url);
  return async () => {
    await dropDatabase(TEMPLATE_DATABASE);
  };
}

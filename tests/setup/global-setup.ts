// Once per Vitest run: a template database with every migration applied; test files clone it. The
// name is unique per run, so several runs on one machine (or one PostgreSQL) never collide.
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../server/migrate";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./database-admin";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function globalSetup(project: TestProject) {
  const name = uniqueDatabaseName("studio_template");
  const url = await createDatabase(name);
  await migrateDatabase(url);
  project.provide("templateDatabase", name);
  return async () => {
    await dropDatabase(name);
  };
}

// Prisma CLI configuration. The CLI runs on Prisma's bundled WebAssembly schema engine through a
// driver adapter, so no native engine is downloaded (see docs/decisions/001-prisma-without-downloads.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL must be set for Prisma CLI commands (scripts/prisma.sh sets it).");
    return new PrismaPg({ connectionString: url });
  },
});

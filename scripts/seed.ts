// `npm run seed`: puts the demo data into the configured database, on request only.
import { prisma } from "~/utils/db.server";
import { seedDemo } from "../prisma/seed/demo.server";
import { fail, withDatabase } from "./with-database";

await withDatabase(async () => {
  const existing = await prisma.user.count({ where: { email: "admin@example.org" } });
  if (existing > 0) fail("The demo data is already in this database (admin@example.org exists); nothing was changed.");
  await seedDemo();
  console.log("demo data seeded; accounts are listed in the README (password: demo-password)");
});

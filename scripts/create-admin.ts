// `npm run create-admin -- --email you@example.org --name "Your Name"`: creates the first
// administrator of a fresh database. The password comes from ADMIN_PASSWORD or is asked for.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { emailField, nameField, passwordField } from "~/forms/fields";
import { createUser } from "~/models/user.server";
import { recordAuditAlone } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { fail, withDatabase } from "./with-database";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, locale: { type: "string", default: "zh_CN" } },
});

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password for the administrator (at least 10 characters): ");
  rl.close();
  return answer;
}

const input = z
  .object({ email: emailField, name: nameField, locale: z.enum(["zh_CN", "en"]) })
  .safeParse(values);
if (!input.success) {
  fail(
    `Usage: npm run create-admin -- --email <address> --name <name> [--locale zh_CN|en]\n` +
      input.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message.replace(/^form\./, "")}`).join("\n"),
  );
}
const password = passwordField.safeParse(await askPassword());
if (!password.success) fail("The password must have 10 to 200 characters; nothing was created.");

await withDatabase(async () => {
  const taken = await prisma.user.findUnique({ where: { email: input.data.email }, select: { id: true } });
  if (taken) fail(`An account with ${input.data.email} already exists; nothing was created.`);
  const user = await createUser({ ...input.data, password: password.data, isAdmin: true });
  await recordAuditAlone({ type: "user.admin_created", actorId: null, payload: { email: user.email } });
  console.log(`Administrator ${user.email} created. Sign in and create your organization under Administration.`);
});

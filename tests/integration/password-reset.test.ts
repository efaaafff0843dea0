// Password reset by e-mailed link: works once, ends every session, reveals nothing about accounts.
import { expect, test } from "vitest";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction } from "~/routes/reset-password.$token";
import { action as loginAction } from "~/routes/login";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { prisma } from "~/utils/db.server";
import { createUser } from "../factories";
import { call, formRequest, getRequest, sessionCookieFor } from "../route-helpers";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

test("reset link: new password works, old sessions end, the link works once", async () => {
  const user = await createUser();
  const oldSession = await sessionCookieFor(user.id);
  const asked = await call(forgotAction, formRequest("/forgot-password", { email: user.email }));
  expect(asked.body).toMatchObject({ sentTo: user.email });
  const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: user.email }, select: { text: true } });
  const token = /\/reset-password\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
  expect(token.length).toBeGreaterThan(20);

  const mismatch = await call(resetAction, formRequest(`/reset-password/${token}`, { password: "brand-new-password", confirm: "different" }), { token });
  expect(mismatch.status).toBe(400);
  expect(JSON.stringify(mismatch.body)).toContain("form.passwordsDiffer");

  const done = await call(resetAction, formRequest(`/reset-password/${token}`, { password: "brand-new-password", confirm: "brand-new-password" }), { token });
  expect(done.status).toBe(302);
  expect((await call(dashboardLoader, getRequest("/dashboard", oldSession))).status).toBe(302);
  expect((await call(loginAction, formRequest("/login", { email: user.email, password: "brand-new-password" }))).status).toBe(302);

  const reused = await call(resetAction, formRequest(`/reset-password/${token}`, { password: "another-password-1", confirm: "another-password-1" }), { token });
  expect(reused.status).toBe(410);
  expect((await call(loginAction, formRequest("/login", { email: user.email, password: "another-password-1" }))).status).toBe(400);
});

test("asking for an unknown address answers the same and sends nothing", async () => {
  const before = await prisma.outboxMail.count();
  const asked = await call(forgotAction, formRequest("/forgot-password", { email: "nobody@example.org" }));
  expect(asked.body).toMatchObject({ sentTo: "nobody@example.org" });
  expect(await prisma.outboxMail.count()).toBe(before);
});

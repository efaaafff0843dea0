// Sign-in, sessions and their failure modes, through the real routes and database.
import { describe, expect, test } from "vitest";
import { action as loginAction } from "~/routes/login";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { action as logoutAction } from "~/routes/logout";
import { prisma } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { call, cookiePair, formRequest, getRequest } from "../route-helpers";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

describe("sign-in", () => {
  test("a plain form POST with email and password answers a session cookie and a redirect", async () => {
    const user = await createUser();
    const result = await call(loginAction, formRequest("/login", { email: user.email.toUpperCase(), password: TEST_PASSWORD }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/dashboard");
    const setCookie = result.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^__session=.+; .*HttpOnly/i);
    const dashboard = await call(dashboardLoader, getRequest("/dashboard", cookiePair(setCookie)));
    expect(dashboard.status).toBe(200);
  });

  test("a wrong password is refused with a message and no cookie", async () => {
    const user = await createUser();
    const result = await call(loginAction, formRequest("/login", { email: user.email, password: "wrong-password" }));
    expect(result.status).toBe(400);
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(JSON.stringify(result.body)).toContain("auth.wrongCredentials");
  });

  test("empty and malformed forms get field errors", async () => {
    const empty = await call(loginAction, formRequest("/login", {}));
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("form.emailRequired");
    const malformed = await call(loginAction, formRequest("/login", { email: "not-an-email", password: "x" }));
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain("form.emailInvalid");
  });

  test("repeated failures from one address are slowed down for every account", async () => {
    const address = "192.0.2.7";
    for (let i = 0; i < 5; i++) {
      const other = await createUser();
      await call(loginAction, formRequest("/login", { email: other.email, password: "wrong" }, undefined, address));
    }
    const user = await createUser();
    const blocked = await call(loginAction, formRequest("/login", { email: user.email, password: TEST_PASSWORD }, undefined, address));
    expect(blocked.status).toBe(429);
    const elsewhere = await call(loginAction, formRequest("/login", { email: user.email, password: TEST_PASSWORD }));
    expect(elsewhere.status).toBe(302);
  });

  test("repeated failures for one account are slowed down, even with the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      const r = await call(loginAction, formRequest("/login", { email: user.email, password: `wrong-${i}` }));
      expect(r.status).toBe(400);
    }
    const blocked = await call(loginAction, formRequest("/login", { email: user.email, password: TEST_PASSWORD }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(JSON.stringify(blocked.body)).toContain("auth.tooManyAttempts");
  });

  test("a redirect target outside the site is ignored", async () => {
    const user = await createUser();
    const result = await call(
      loginAction,
      formRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/x" }),
    );
    expect(result.headers.get("Location")).toBe("/dashboard");
  });
});

describe("sessions", () => {
  async function signIn() {
    const user = await createUser();
    const result = await call(loginAction, formRequest("/login", { email: user.email, password: TEST_PASSWORD }));
    return { user, cookie: cookiePair(result.headers.get("Set-Cookie") ?? "") };
  }

  test("no cookie → sign-in page", async () => {
    const result = await call(dashboardLoader, getRequest("/dashboard"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard");
  });

  test("a tampered cookie → sign-in page with a notice, and the cookie is cleared", async () => {
    const { cookie } = await signIn();
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const result = await call(dashboardLoader, getRequest("/dashboard", tampered));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toContain("reason=invalid-session");
    expect(result.headers.get("Set-Cookie")).toMatch(/__session=;.*Max-Age=0/);
  });

  test("signing out revokes the session on the server, not only in the browser", async () => {
    const { cookie } = await signIn();
    const out = await call(logoutAction, formRequest("/logout", {}, cookie));
    expect(out.status).toBe(302);
    const reused = await call(dashboardLoader, getRequest("/dashboard", cookie));
    expect(reused.status).toBe(302);
    expect(reused.headers.get("Location")).toContain("reason=invalid-session");
  });

  test("sessions are stored hashed: the cookie token is not in the database", async () => {
    const { user, cookie } = await signIn();
    const rows = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(rows).toHaveLength(1);
    expect(cookie).not.toContain(rows[0]?.id ?? "missing");
  });
});

import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";

describe("parseEnv", () => {
  test("defaults: port 3000, embedded database, local APP_URL", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  test("every bad value is named in one message", () => {
    let message = "";
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", APP_URL: "not a url", SMTP_URL: "http://x" });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL: must be a postgresql:// connection URL");
    expect(message).toContain("APP_URL");
    expect(message).toContain("SMTP_URL");
  });

  test("production with a real database requires a session secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x" })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/at least 32/);
  });

  test("empty strings count as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });
});

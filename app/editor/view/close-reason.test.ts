import { describe, expect, test } from "vitest";
import { closeCode } from "../collab-protocol";
import { closeReasonOf, shouldReconnectAfter } from "./close-reason";

describe("close reasons", () => {
  test("refusals that would repeat stop the reconnecting", () => {
    for (const code of [closeCode.unauthenticated, closeCode.forbidden, closeCode.notFound, closeCode.messageTooLarge, closeCode.malformedMessage]) {
      expect(shouldReconnectAfter(code)).toBe(false);
    }
  });

  test("too many connections, a restarting server and a dropped network are retried", () => {
    expect(shouldReconnectAfter(closeCode.tooManyConnections)).toBe(true);
    expect(shouldReconnectAfter(closeCode.serverShuttingDown)).toBe(true);
    expect(shouldReconnectAfter(1006)).toBe(true);
    expect(shouldReconnectAfter(1001)).toBe(true);
  });

  test("each named code has a reason to show; ordinary closes have none", () => {
    expect(closeReasonOf(4401)).toBe("unauthenticated");
    expect(closeReasonOf(4403)).toBe("forbidden");
    expect(closeReasonOf(4413)).toBe("messageTooLarge");
    expect(closeReasonOf(4429)).toBe("tooManyConnections");
    expect(closeReasonOf(closeCode.serverShuttingDown)).toBeNull();
    expect(closeReasonOf(1006)).toBeNull();
  });
});

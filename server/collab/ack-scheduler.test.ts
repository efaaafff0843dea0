import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AckScheduler, type AckTarget } from "./ack-scheduler";

function target(onPass: (now: number) => void = () => undefined): AckTarget & { passes: number[] } {
  const passes: number[] = [];
  return {
    passes,
    sendPersisted(now) {
      passes.push(now);
      onPass(now);
    },
  };
}

describe("AckScheduler", () => {
  let acks: AckScheduler;

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    acks = new AckScheduler();
  });

  afterEach(() => {
    acks.close();
    vi.useRealTimers();
  });

  it("runs a pass no later than asked, and passes due about then together", () => {
    const a = target();
    const b = target();
    const c = target();
    acks.request(a, 1_000_200);
    acks.request(b, 1_000_210);
    acks.request(c, 1_000_400);
    vi.advanceTimersByTime(199);
    expect(a.passes).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(a.passes).toEqual([1_000_200]);
    expect(b.passes).toEqual(a.passes);
    expect(c.passes).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(c.passes).toEqual([1_000_400]);
  });

  it("keeps the earlier of two requests for one target and runs it once", () => {
    const a = target();
    acks.request(a, 1_000_500);
    acks.request(a, 1_000_100);
    acks.request(a, 1_000_300);
    vi.advanceTimersByTime(1_000);
    expect(a.passes).toEqual([1_000_100]);
  });

  it("lets a pass ask for a later one (connections that wait longer)", () => {
    let again = true;
    const a = target((now) => {
      if (again) acks.request(a, now + 1_000);
      again = false;
    });
    acks.request(a, 1_000_200);
    vi.advanceTimersByTime(300);
    expect(a.passes).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(a.passes).toHaveLength(2);
    expect(a.passes[1] - a.passes[0]).toBe(1_000);
  });

  it("drops a cancelled target's pass, and every pass once closed", () => {
    const a = target();
    const b = target();
    acks.request(a, 1_000_100);
    acks.request(b, 1_000_500);
    acks.cancel(a);
    vi.advanceTimersByTime(200);
    expect(a.passes).toHaveLength(0);
    acks.close();
    acks.request(b, 1_000_300);
    vi.advanceTimersByTime(1_000);
    expect(b.passes).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import { BackgroundSends } from "./background-sends";

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: a send that takes a while
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("BackgroundSends", () => {
  it("runs tasks in the order they were queued", async () => {
    const sends = new BackgroundSends({ onError: (error) => expect.fail(String(error)) });
    const ran: number[] = [];
    for (let i = 0; i < 100; i++) sends.enqueue(() => ran.push(i));
    expect(ran).toEqual([]);
    await settle();
    expect(ran).toEqual([...Array(100).keys()]);
    expect(sends.pending).toBe(0);
  });

  it("lets other work in between slices instead of running a long queue in one go", async () => {
    const sends = new BackgroundSends({ sliceMs: 1, onError: (error) => expect.fail(String(error)) });
    const order: string[] = [];
    for (let i = 0; i < 20; i++) {
      sends.enqueue(() => {
        busyFor(0.3);
        order.push(`task ${i}`);
      });
    }
    // Stands for an edit read from a socket while acknowledgements are pending.
    setImmediate(() => order.push("other work"));
    await settle();
    const other = order.indexOf("other work");
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(order.length - 1);
    expect(order.filter((entry) => entry.startsWith("task"))).toHaveLength(20);
  });

  it("reports a task that throws and still runs the others", async () => {
    const errors: unknown[] = [];
    const sends = new BackgroundSends({ onError: (error) => errors.push(error) });
    const ran: string[] = [];
    sends.enqueue(() => ran.push("first"));
    sends.enqueue(() => {
      throw new Error("socket gone");
    });
    sends.enqueue(() => ran.push("third"));
    await settle();
    expect(ran).toEqual(["first", "third"]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("socket gone");
  });
});

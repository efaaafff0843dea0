import { describe, expect, it } from "vitest";
import { InProcessFanOut, type FanOutMessage } from "./fan-out";

const comments: FanOutMessage = { kind: "comments" };

describe("InProcessFanOut", () => {
  it("delivers a message to the other servers of the document on a later turn, never back to its publisher", async () => {
    const fanOut = new InProcessFanOut();
    const heard: string[] = [];
    fanOut.subscribe("doc", "a", () => heard.push("a"));
    fanOut.subscribe("doc", "b", () => heard.push("b"));
    fanOut.subscribe("other", "c", () => heard.push("c"));
    fanOut.publish("doc", comments, "a");
    expect(heard).toEqual([]);
    await Promise.resolve();
    expect(heard).toEqual(["b"]);
  });

  it("stops delivering once unsubscribed", async () => {
    const fanOut = new InProcessFanOut();
    const heard: string[] = [];
    fanOut.subscribe("doc", "a", () => heard.push("a"));
    const stop = fanOut.subscribe("doc", "b", () => heard.push("b"));
    stop();
    fanOut.publish("doc", comments, "a");
    fanOut.publish("doc", comments, "c");
    await Promise.resolve();
    expect(heard).toEqual(["a"]);
  });

  it("tells a server whether anyone else would hear what it publishes on a document", () => {
    const fanOut = new InProcessFanOut();
    expect(fanOut.reachesOthers("doc", "a")).toBe(false);
    fanOut.subscribe("doc", "a", () => undefined);
    fanOut.subscribe("other", "b", () => undefined);
    expect(fanOut.reachesOthers("doc", "a")).toBe(false);
    const stop = fanOut.subscribe("doc", "b", () => undefined);
    expect(fanOut.reachesOthers("doc", "a")).toBe(true);
    expect(fanOut.reachesOthers("doc", "b")).toBe(true);
    stop();
    expect(fanOut.reachesOthers("doc", "a")).toBe(false);
  });
});

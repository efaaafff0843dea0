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
});

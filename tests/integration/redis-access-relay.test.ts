// Rights changes reach the other server processes through Redis, and a process does not hear its own.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { AccessChange } from "~/utils/access-events.server";
import { randomUUID } from "node:crypto";
import { RedisAccessRelay } from "../../server/redis-access-relay";
import { sleep, waitFor } from "./collab/support/wait";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const heardByLeft: AccessChange[] = [];
const heardByRight: AccessChange[] = [];
let left: RedisAccessRelay;
let right: RedisAccessRelay;

beforeAll(async () => {
  const channel = `studio:access:test:${randomUUID()}`;
  left = new RedisAccessRelay(redisUrl, (change) => heardByLeft.push(change), { channel });
  right = new RedisAccessRelay(redisUrl, (change) => heardByRight.push(change), { channel });
  await Promise.all([left.ready(), right.ready()]);
});
afterAll(async () => {
  await Promise.all([left.close(), right.close()]);
});

test("a change published by one process is heard by the other, not by itself", async () => {
  left.publish({ committeeId: "committee-1" });
  right.publish({ userId: "user-7" });
  await waitFor(() => heardByRight.length === 1 && heardByLeft.length === 1, "both relayed changes");
  await sleep(50);
  expect(heardByRight).toEqual([{ committeeId: "committee-1" }]);
  expect(heardByLeft).toEqual([{ userId: "user-7" }]);
});

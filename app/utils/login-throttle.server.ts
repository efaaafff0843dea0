// Slows down password guessing: after a few failures for one account or one address, further
// attempts for that key are refused for a growing period. Kept in the database so every server
// process sees the same counts.
import { prisma } from "~/utils/db.server";

const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const BASE_BLOCK_MS = 30 * 1000;
const MAX_BLOCK_MS = 15 * 60 * 1000;

export function throttleKeys(email: string, address: string): string[] {
  return [`email:${email.toLowerCase()}`, `ip:${address}`];
}

/** Milliseconds until the earliest allowed attempt for any of the keys, or 0. */
export async function retryAfterMs(keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({
    where: { key: { in: keys } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
  return Math.max(0, until - now.getTime());
}

export function blockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BLOCK_MS, BASE_BLOCK_MS * 2 ** (failures - FREE_FAILURES));
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const existing = await prisma.loginThrottle.findUnique({
      where: { key },
      select: { failures: true, firstFailureAt: true },
    });
    const fresh = !existing || now.getTime() - existing.firstFailureAt.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : existing.failures + 1;
    const block = blockDurationMs(failures);
    const data = {
      failures,
      firstFailureAt: fresh ? now : existing.firstFailureAt,
      blockedUntil: block > 0 ? new Date(now.getTime() + block) : null,
    };
    await prisma.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data, select: { key: true } });
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

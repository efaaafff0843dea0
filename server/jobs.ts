// Runs the app's background jobs (app/jobs) every few seconds, one pass at a time, so that what time
// makes due happens without anyone loading a page: a comment period ending unlocks the editors, a
// ballot closes and is tallied, reminders go out. Pages still check times themselves.
import { jobs as allJobs } from "~/jobs/index.server";
import type { Job } from "~/jobs/types";
import { log } from "./log";

export type JobRunner = { runOnce: () => Promise<void>; stop: () => Promise<void> };

export function startJobs(options: { intervalMs?: number; jobs?: Job[] } = {}): JobRunner {
  const jobs = options.jobs ?? allJobs;
  let running: Promise<void> | null = null;
  let stopped = false;

  const runOnce = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        const acted = await job.run(new Date());
        if (acted > 0) log.info(`job ${job.name}: ${acted} done`);
      } catch (error) {
        log.error(`job ${job.name} failed; it runs again at the next tick`, error);
      }
    }
  };

  const tick = () => {
    if (running || stopped) return;
    running = runOnce().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, options.intervalMs ?? 5_000);
  timer.unref();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

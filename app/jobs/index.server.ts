// Every background job, run by server/jobs.ts on an interval. Features add their job here.
import type { Job } from "~/jobs/types";

export const jobs: Job[] = [];

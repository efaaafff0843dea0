// Every background job, run by server/jobs.ts on an interval. Features add their job here.
import { ballotRemindersJob } from "~/jobs/ballot-reminders.server";
import { closeBallotsJob } from "~/jobs/close-ballots.server";
import { closeCommentPeriodsJob } from "~/jobs/close-comment-periods.server";
import type { Job } from "~/jobs/types";

export const jobs: Job[] = [closeBallotsJob, ballotRemindersJob, closeCommentPeriodsJob];

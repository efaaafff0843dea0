// A background job: something time makes due (a comment period's end, a ballot's close, a reminder).
// Each run must be safe to repeat and to run in several processes at once (claim rows with a
// conditional update, so two processes never both act on one).
export type Job = {
  name: string;
  /** Does what is due now; returns how many things it acted on, for the log. */
  run: (now: Date) => Promise<number>;
};

// Builders for tally tests: committees and ballots written as counts, so each test reads as the
// situation it checks ("9 approve, 3 disapprove") rather than as a list of objects.
import type { Vote, VoteOption, Voter } from "~/ballots/types";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
/** Minutes after the ballot opened; tests order votes by this. */
export const at = (minute: number) => new Date(START + minute * 60_000);

export const member = (userId: string, organization: string, extra: Partial<Voter> = {}): Voter => ({
  userId,
  organization,
  votingRight: true,
  isDrafter: false,
  ...extra,
});

/** `count` voting members u1…uN, each from their own organization org-u1…org-uN. */
export const committee = (count: number, prefix = "u"): Voter[] =>
  Array.from({ length: count }, (_, i) => member(`${prefix}${i + 1}`, `org-${prefix}${i + 1}`));

export const vote = (userId: string, option: VoteOption, extra: { reasons?: string; minute?: number } = {}): Vote => ({
  userId,
  option,
  castAt: at(extra.minute ?? 0),
  ...(extra.reasons === undefined ? {} : { reasons: extra.reasons }),
});

export type BallotCounts = Partial<Record<VoteOption | "disapprove_without_reasons", number>>;

/**
 * Votes for the first voters of `voters`, in this order: approve, approve with comments, disapprove
 * (with reasons), disapprove without reasons, abstain; one minute apart from `fromMinute`. Voters
 * left over do not vote.
 */
export function ballots(voters: readonly Voter[], counts: BallotCounts, fromMinute = 0): Vote[] {
  const order: [keyof BallotCounts, VoteOption, string | undefined][] = [
    ["approve", "approve", undefined],
    ["approve_with_comments", "approve_with_comments", "Editorial comments attached."],
    ["disapprove", "disapprove", "Clause 5 conflicts with GB/T 1.1—2020."],
    ["disapprove_without_reasons", "disapprove", undefined],
    ["abstain", "abstain", undefined],
  ];
  const options = order.flatMap(([name, option, reasons]) =>
    Array.from({ length: counts[name] ?? 0 }, () => ({ option, reasons })),
  );
  if (options.length > voters.length) throw new Error(`${options.length} votes for ${voters.length} voters`);
  return options.map(({ option, reasons }, i) => vote(voters[i].userId, option, { reasons, minute: fromMinute + i }));
}

export const userIds = (voters: readonly Voter[]) => voters.map((voter) => voter.userId);

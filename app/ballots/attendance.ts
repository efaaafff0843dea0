// Who was present, in voting units. Only eligible voters count as present; a vote that came back
// proves presence even if the secretary missed the name on the list, so the approvals counted are
// always among the attendees they are measured against.
import { explain, type TallyStep } from "~/ballots/tally-steps";
import type { VoterLine } from "~/ballots/types";
import type { StandingBallot } from "~/ballots/vote-validity";

export type Attendance = { presentUnits: Set<string>; steps: TallyStep[] };

export function recordAttendance(
  attendees: readonly string[],
  voters: readonly VoterLine[],
  standing: readonly StandingBallot[],
  unitOf: (voter: { userId: string; organization: string }) => string,
): Attendance {
  const steps: TallyStep[] = [];
  const canVote = new Map<string, VoterLine>();
  for (const voter of voters) if (voter.canVote && !canVote.has(voter.userId)) canVote.set(voter.userId, voter);

  const listed = new Set(attendees);
  const presentUnits = new Set<string>();
  for (const userId of listed) {
    const voter = canVote.get(userId);
    if (voter) presentUnits.add(unitOf(voter));
    else steps.push(explain.attendeeNotEligible({ userId }));
  }
  for (const ballot of standing) {
    if (listed.has(ballot.vote.userId)) continue;
    presentUnits.add(ballot.unitId);
    steps.push(explain.attendanceImpliedByVote({ userId: ballot.vote.userId }));
  }
  return { presentUnits, steps };
}

// Who may vote on a ballot. The caller lists the committee as it stands; this decides, per person,
// whether they vote and, if not, why — the first lines of the result page.
import type { Voter, VoterLine } from "~/ballots/types";

export function assessVoters(eligible: readonly Voter[], draftersExcluded: boolean): VoterLine[] {
  const seen = new Set<string>();
  return eligible.map(({ userId, organization, votingRight, isDrafter }): VoterLine => {
    // A member listed twice would otherwise count twice in the eligible base.
    if (seen.has(userId)) return { userId, organization, canVote: false, reason: "listed_twice" };
    seen.add(userId);
    if (!votingRight) return { userId, organization, canVote: false, reason: "no_voting_right" };
    if (draftersExcluded && isDrafter) return { userId, organization, canVote: false, reason: "drafter" };
    return { userId, organization, canVote: true };
  });
}

/**
 * Organizations a drafter belongs to. Drafters count here even when they may not vote: it is their
 * organization's other members whose share a drafting-organization cap limits.
 */
export function draftingOrganizations(eligible: readonly Voter[]): Set<string> {
  return new Set(eligible.filter((voter) => voter.isDrafter).map((voter) => voter.organization));
}

// Whether someone may change the text now: their role (projectActions.editDocument), narrowed by what
// the project's stage allows (its editing policy), an open comment period (the text is frozen while
// members comment on it) and the project's end (a released or abandoned standard never changes).
// Pure, like the other policies: the server computes the facts (models/editing-lock.server.ts).
import { canOnProject } from "~/policies/committee";
import { effectiveRole, isAdministrator, type CommitteeStanding } from "~/policies/roles";

export type EditingPolicy = "DRAFTERS" | "SECRETARIAT" | "NOBODY";
export type ProjectStatus = "ACTIVE" | "RELEASED" | "ABANDONED";

export type EditingFacts = {
  policy: EditingPolicy;
  status: ProjectStatus;
  /** An open comment period freezes the text it comments on. */
  commentPeriodOpen: boolean;
};

/** Why the text is locked for everybody (or for drafters), for the page to say; null when not locked. */
export type EditingLockReason = "released" | "abandoned" | "commentPeriod" | "stage" | "stageSecretariat";

export function editingLockReason(facts: EditingFacts): EditingLockReason | null {
  if (facts.status === "RELEASED") return "released";
  if (facts.status === "ABANDONED") return "abandoned";
  if (facts.commentPeriodOpen) return "commentPeriod";
  if (facts.policy === "NOBODY") return "stage";
  if (facts.policy === "SECRETARIAT") return "stageSecretariat";
  return null;
}

export function canEditText(standing: CommitteeStanding, facts: EditingFacts): boolean {
  if (!canOnProject(standing, "editDocument")) return false;
  const reason = editingLockReason(facts);
  if (reason === null) return true;
  if (reason === "stageSecretariat") {
    const role = effectiveRole(standing);
    return isAdministrator(standing) || role === "CHAIR" || role === "SECRETARY";
  }
  return false;
}

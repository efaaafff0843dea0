// Why a ballot rule was refused: one message key per distinct problem, so the rule editor can point at
// the field and say what to do. The English texts are the fallback until the keys join the locale
// bundles (app/locales is owned elsewhere); keys follow the `area.name` style used there.
export const ruleIssueTexts = {
  "ballots.rule.required": "This setting is required.",
  "ballots.rule.wrongType": "This setting has the wrong type of value.",
  "ballots.rule.unknownChoice": "This is not one of the allowed choices.",
  "ballots.rule.unknownKind": 'A rule is either "vote" or "consensus".',
  "ballots.rule.unknownSetting": "This setting does not exist; check its spelling.",
  "ballots.rule.invalid": "This setting is not valid.",
  "ballots.rule.fractionNotWhole": "Numerator and denominator must be whole numbers.",
  "ballots.rule.fractionTooLarge": "This number is too large.",
  "ballots.rule.fractionNegative": "A fraction cannot be negative.",
  "ballots.rule.denominatorZero": "The denominator cannot be 0.",
  "ballots.rule.overHundredPercent": "A share cannot be over 100 %.",
  "ballots.rule.passMarkRequired": "A voting rule needs at least one pass mark.",
  "ballots.rule.passMarkZero": "A pass mark of 0 is always met; use a positive fraction.",
  "ballots.rule.passMarkUnreachable": "More than 100 % can never be reached; use at least 100 % or less.",
  "ballots.rule.quorumZero": "A quorum of 0 is no quorum; use a positive fraction or remove the quorum.",
  "ballots.rule.capUnreachable": "Less than 0 % can never be met; use at most 0 % to allow none.",
  "ballots.rule.organizationCapZero": "A cap of 0 would discard every vote of the organization.",
  "ballots.rule.organizationCapNoEffect": "A cap of 100 % has no effect; remove it or use less.",
  "ballots.rule.abstentionsExcludedButInBase":
    "Abstentions are excluded, but this pass mark counts all votes cast including abstentions.",
  "ballots.rule.abstentionsInBaseButExcluded":
    "Abstentions are counted in the base, but this pass mark counts votes cast excluding abstentions.",
  "ballots.rule.abstentionsAsDisapprovalButExcluded":
    "Abstentions count as disapprovals, so a base that excludes abstentions would drop disapprovals.",
} as const;

export type RuleIssueKey = keyof typeof ruleIssueTexts;

/** A refused setting: where (dot path such as `passMarks.0.fraction`), what (key) and an English text. */
export type RuleIssue = { path: string; key: RuleIssueKey; text: string };

export const isRuleIssueKey = (value: string): value is RuleIssueKey => Object.hasOwn(ruleIssueTexts, value);

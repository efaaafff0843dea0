// The tally told step by step in the reader's language: each stored step (code + flat parameters)
// becomes one sentence, with people's names for their ids and the enumerated values translated.
import { Badge, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatFraction, formatPercent } from "~/ballots/fraction";
import type { TallyStep } from "~/ballots/tally-steps";

type StoredResult = {
  outcome: string;
  passed: boolean;
  steps: TallyStep[];
  figures: null | { eligible: number; returned: number; present: number | null; approvals: number; disapprovals: number; abstentions: number };
  checks: { kind: string; index: number; counts: string; count: number; base: string; baseCount: number; comparison: string; required: { numerator: number; denominator: number }; met: boolean }[];
};

const translated = ["reason", "option", "countsAs", "unit", "kind", "counts", "base", "comparison", "outcome", "ruleKind"] as const;

export function useStepText(names: Record<string, string>) {
  const { t } = useTranslation();
  return (step: TallyStep): string => {
    const params: Record<string, string | number | boolean> = { ...step.params };
    const vars: Record<string, string | number | boolean> = { ...params };
    for (const key of translated) {
      const value = params[key];
      if (typeof value === "string") vars[`${key}Text`] = t(`approval.tally.${key}.${value}`);
    }
    if (typeof params.userId === "string") vars.name = names[params.userId] ?? params.userId;
    if (typeof params.decidedBy === "string") vars.decidedByName = names[params.decidedBy] ?? params.decidedBy;
    if (typeof params.requiredNumerator === "number" && typeof params.requiredDenominator === "number") {
      const required = { numerator: params.requiredNumerator, denominator: params.requiredDenominator };
      vars.required = `${formatFraction(required)} (${formatPercent(required.numerator, required.denominator)})`;
    }
    if (typeof params.count === "number" && typeof params.baseCount === "number") vars.share = formatPercent(params.count, params.baseCount);
    if (typeof params.capNumerator === "number" && typeof params.capDenominator === "number")
      vars.cap = formatFraction({ numerator: params.capNumerator, denominator: params.capDenominator });
    if (typeof params.validVotes === "number" && typeof params.allowedVotes === "number") vars.setAside = params.validVotes - params.allowedVotes;
    if (typeof params.met === "boolean") vars.metText = t(params.met ? "approval.tally.met" : "approval.tally.notMet");
    if (typeof params.kind === "string" && step.code === "threshold_checked" && params.kind === "pass_mark" && typeof params.index === "number")
      vars.kindText = `${t("approval.tally.kind.pass_mark")} ${params.index + 1}`;
    return t(`approval.steps.${step.code}`, { ...vars, interpolation: { escapeValue: false } });
  };
}

export function TallyExplanation({ result, names }: { result: StoredResult; names: Record<string, string> }) {
  const { t } = useTranslation();
  const stepText = useStepText(names);
  return (
    <Stack gap="md" data-testid="tally">
      <Paper withBorder p="md" radius="md" data-testid="tally-outcome" data-outcome={result.outcome}>
        <Badge size="lg" color={result.passed ? "green" : "red"}>
          {t(`approval.tally.outcome.${result.outcome}`)}
        </Badge>
      </Paper>
      {result.figures ? (
        <Table withTableBorder data-testid="tally-figures" maw={520}>
          <Table.Tbody>
            {(["eligible", "returned", "approvals", "disapprovals", "abstentions"] as const).map((key) => (
              <Table.Tr key={key}>
                <Table.Th>{t(`approval.tally.figure.${key}`)}</Table.Th>
                <Table.Td>{result.figures?.[key]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {result.checks.length > 0 ? (
        <Table withTableBorder data-testid="tally-checks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("approval.tally.check")}</Table.Th>
              <Table.Th>{t("approval.tally.figureColumn")}</Table.Th>
              <Table.Th>{t("approval.tally.threshold")}</Table.Th>
              <Table.Th>{t("approval.tally.resultColumn")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.checks.map((check) => (
              <Table.Tr key={`${check.kind}-${check.index}`}>
                <Table.Td>
                  {t(`approval.tally.kind.${check.kind}`)}
                  {check.kind === "pass_mark" ? ` ${check.index + 1}` : ""}
                </Table.Td>
                <Table.Td>
                  {t(`approval.tally.counts.${check.counts}`)} {check.count} / {check.baseCount} {t(`approval.tally.base.${check.base}`)} ({formatPercent(check.count, check.baseCount)})
                </Table.Td>
                <Table.Td>
                  {t(`approval.tally.comparison.${check.comparison}`)} {formatFraction(check.required)} ({formatPercent(check.required.numerator, check.required.denominator)})
                </Table.Td>
                <Table.Td>
                  <Badge color={check.met ? "green" : "red"} variant="light">
                    {t(check.met ? "approval.tally.met" : "approval.tally.notMet")}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <section>
        <Title order={3} size="h4" mb="xs">
          {t("approval.tally.stepsTitle")}
        </Title>
        <List type="ordered" spacing={4} data-testid="tally-steps">
          {result.steps.map((step, i) => (
            <List.Item key={i} data-code={step.code}>
              <Text size="sm">{stepText(step)}</Text>
            </List.Item>
          ))}
        </List>
      </section>
    </Stack>
  );
}

export type { StoredResult };

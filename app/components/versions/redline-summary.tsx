/*
 * What a reviewer reads first: the sections that changed, each linking to its place in the redline
 * view (redline-view.tsx), with how much was inserted and deleted, and the totals. Counts are tokens
 * as the redline counts them: a Chinese character or a Latin word each count one.
 */
import { Anchor, Badge, Paper, Table, Text, Title } from "@mantine/core";
import type { RedlineSummary as Summary, SectionStatus } from "~/versions/types";
import { redlineAnchor } from "./redline-model";
import { formatString, pluralString, useRedlineStrings, type RedlineStrings } from "./redline-strings";

const STATUS_COLOR: Record<SectionStatus, string> = { inserted: "green", deleted: "red", modified: "yellow", moved: "indigo" };

function statusText(status: SectionStatus, strings: RedlineStrings): string {
  switch (status) {
    case "inserted":
      return strings.statusInserted;
    case "deleted":
      return strings.statusDeleted;
    case "modified":
      return strings.statusModified;
    case "moved":
      return strings.statusMoved;
  }
}

export function RedlineSummary({ summary }: { summary: Summary }) {
  const strings = useRedlineStrings();
  const movedFrom = new Map(summary.moved.map((moved) => [moved.id, moved.from]));
  const { inserted, deleted } = summary.totals;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="redline-summary-title" data-testid="redline-summary">
      <Title order={2} size="h4" id="redline-summary-title" mb="xs">
        {strings.summaryTitle}
      </Title>
      {summary.changed.length === 0 ? (
        <Text c="dimmed">{strings.summaryNone}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {pluralString(strings, "summaryCount", summary.changed.length)}
            {summary.renumbered > 0 ? `; ${pluralString(strings, "summaryRenumbered", summary.renumbered)}` : ""}
          </Text>
          <Table striped highlightOnHover withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{strings.summarySection}</Table.Th>
                <Table.Th scope="col">{strings.summaryChange}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {strings.summaryInserted}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {strings.summaryDeleted}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.changed.map((change, index) => {
                const from = change.status === "moved" ? movedFrom.get(change.id) : null;
                return (
                  <Table.Tr key={index} data-testid="redline-summary-row">
                    <Table.Td>
                      <Anchor href={`#${redlineAnchor(change)}`} size="sm">
                        <Text span fw={600} size="sm" td={change.status === "deleted" ? "line-through" : undefined}>
                          {change.label}
                        </Text>{" "}
                        {change.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[change.status]} variant="light" size="sm">
                        {statusText(change.status, strings)}
                      </Badge>
                      {from ? (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {formatString(strings.summaryMove, { from })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right" title={formatString(strings.summaryCounts, { inserted: change.inserted.tokens, deleted: change.deleted.tokens })}>
                      {change.inserted.tokens > 0 ? `+${change.inserted.tokens}` : "—"}
                    </Table.Td>
                    <Table.Td ta="right">{change.deleted.tokens > 0 ? `−${change.deleted.tokens}` : "—"}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={2}>
                  {strings.summaryTotals}
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  +{inserted.tokens}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  −{deleted.tokens}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </>
      )}
    </Paper>
  );
}

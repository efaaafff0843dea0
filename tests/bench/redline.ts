/*
 * npm run bench:redline — the redline between two versions of a 200-page standard with 50 changed
 * sections (issue 5: under 1 s on this machine). Times computeRedline from stored JSON to the finished
 * Redline, parsing included, since that is what a request for a redline costs; prints the median and
 * p95 of several runs, with the fingerprint of a version for comparison.
 *
 * Exits non-zero when the redline does not report exactly the changes that were made (a fast wrong
 * answer is no answer) or when the median exceeds the target.
 */
import { schema } from "~/editor/schema";
import { fingerprint } from "~/versions/fingerprint";
import { computeRedline } from "~/versions/redline";
import type { Redline } from "~/versions/types";
import { benchVersions, EXPECTED } from "./redline-versions";

const TARGET_MS = 1000;
const WARMUP_RUNS = 3;
const RUNS = 15;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: Awaited<T> }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function measure<T>(run: () => Promise<T>): Promise<{ median: number; p95: number; min: number; max: number; result: Awaited<T> }> {
  let result = await run();
  for (let i = 1; i < WARMUP_RUNS; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const sample = await time(run);
    samples.push(sample.ms);
    result = sample.result;
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), min: samples[0], max: samples[samples.length - 1], result };
}

function check(redline: Redline): string[] {
  const problems: string[] = [];
  const counts = { modified: 0, inserted: 0, deleted: 0, moved: 0 };
  for (const change of redline.changes) counts[change.status]++;
  for (const status of ["modified", "inserted", "deleted", "moved"] as const) {
    if (counts[status] !== EXPECTED[status]) problems.push(`${status}: expected ${EXPECTED[status]}, got ${counts[status]}`);
  }
  return problems;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { older, newer } = benchVersions();
  const doc = schema.nodeFromJSON(older);
  let clauses = 0;
  let tables = 0;
  let terms = 0;
  doc.descendants((node) => {
    if (node.type.name === "clause") clauses++;
    if (node.type.name === "table_block") tables++;
    if (node.type.name === "term_entry") terms++;
    return !node.isTextblock;
  });
  console.log(
    `standard: ${doc.textContent.length.toLocaleString("en")} characters, ${clauses} clauses, ${tables} tables, ${terms} term entries; ` +
      `revision: ${EXPECTED.modified} modified, ${EXPECTED.inserted} inserted, ${EXPECTED.deleted} deleted, ${EXPECTED.moved} moved`,
  );

  const parse = await measure(async () => {
    schema.nodeFromJSON(older).check();
    schema.nodeFromJSON(newer).check();
  });
  const redline = await measure(async () => computeRedline(older, newer, "GB"));
  const print = await measure(() => fingerprint(older));

  const { summary } = redline.result;
  console.log(
    `redline: ${redline.result.changes.length} changed sections (+${summary.totals.inserted.tokens} / −${summary.totals.deleted.tokens} tokens), ` +
      `${summary.renumbered} renumbered`,
  );
  console.log(`  computeRedline   median ${ms(redline.median)}  p95 ${ms(redline.p95)}  (min ${ms(redline.min)}, max ${ms(redline.max)}, ${RUNS} runs)`);
  console.log(`  of which parsing median ${ms(parse.median)}  (both versions, Node.fromJSON + check)`);
  console.log(`  fingerprint      median ${ms(print.median)}  p95 ${ms(print.p95)}  (one version, ${print.result.slice(0, 12)}…)`);

  const problems = check(redline.result);
  if (problems.length > 0) {
    console.error(`FAIL: the redline does not report the changes made: ${problems.join("; ")}`);
    process.exitCode = 1;
  } else if (redline.median > TARGET_MS) {
    console.error(`FAIL: median ${ms(redline.median)} is over the ${TARGET_MS} ms target`);
    process.exitCode = 1;
  } else {
    console.log(`PASS: median under the ${TARGET_MS} ms target, changes as made`);
  }
}

await main();

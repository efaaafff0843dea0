// npm run bench:collab — edit→arrival latency, throughput, server CPU and peak memory of our
// collaboration server against the reference y-websocket server (1.5.4 bin/) and Hocuspocus, on the
// same workload: N clients on one document at 2 edits/s each (N = 10, 50, 200), and many documents
// with three clients each. Every client times its edits; some clients, in the benchmark's own process,
// measure when each edit of every other client of their document arrives: 4 of the N (all 10 at
// N = 10), or all three clients of 20 of the 100 documents. Every server runs in a child process of
// its own; load clients run in child processes too. Ours authenticates every connection and stores
// every update in PostgreSQL.
//
// The machine is shared: a run during which other processes used more than DISTURBED_CPU_PERCENT of
// a core is run again (once), and the other processes' CPU is printed with every result. Pauses of
// the whole virtual machine are recorded too (vm-pauses.ts), and the p99 of the samples no pause
// overlapped is printed beside the p99 of all of them; the target is judged on all of them.
// Every server also reports its own garbage collections (gc-observer.ts); the time it stood still in
// them during the window, and the longest single pause, are printed beside the VM's pauses.
// Each scenario runs --rounds times per server (3 by default, in alternating order); the summary
// pools every round's samples for the percentiles (each round's p99 shown beside them) and takes CPU
// and memory from the round with the median CPU.
//
// Options: --quick (shorter windows, one round), --rounds=3, --measure-seconds=8, --only=ours,reference,hocuspocus,
// --scenario=<part of a scenario name>, --profile=<dir> (V8 CPU profiles of the servers)
import { fork, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { disconnectPrisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { migrateDatabase } from "../../../server/migrate";
import { addMember, createCommittee, createOrganization, createProjectWithDocument, createUser } from "../../factories";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../setup/database-admin";
import { connectClient, observeArrivals, timedEdit, type BenchClient, type ClientSpec, type ServerKind } from "./clients";
import type { LoadMessage, LoadReply } from "./load-clients";
import { benchmarkPids, cpuSeconds, cpuSecondsOf, GcPauseLog, longestPause, now, type GcPause, peakRssMb, percentile, postgresPids, rssMb, systemBusySeconds } from "./measure";
import { unpausedSamples, VmPauses, type Sample } from "./vm-pauses";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",") ?? ["reference", "hocuspocus", "ours"];
const measureSeconds = Number(args.find((a) => a.startsWith("--measure-seconds="))?.split("=")[1] ?? (quick ? 4 : 8));
const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.split("=")[1] ?? (quick ? 1 : 3));
/**
 * Edits run this long before the window opens. The scenario is a steady rate of edits, not the
 * arrival of the clients: with 300 clients, each authorized and its document loaded, the heap that
 * arrival leaves is collected by a major GC (13 ms here, for ours) about 1.5 s after the edits start,
 * which a 1.5 s warm-up put inside the window. Every server gets the same warm-up.
 */
const warmupSeconds = quick ? 1 : 3;
const scenarioFilter = args.find((a) => a.startsWith("--scenario="))?.slice("--scenario=".length);
/** Writes a V8 CPU profile of each server to this directory (for finding where the time goes). */
const profileDir = args.find((a) => a.startsWith("--profile="))?.slice("--profile=".length);
const EDIT_INTERVAL_MS = 500; // 2 edits/s per client
/** Other processes' CPU (% of one core) above which a measured window counts as disturbed. */
const DISTURBED_CPU_PERCENT = 15;
const MAX_ATTEMPTS = 2;
/** Records pauses of the whole machine for the whole run; null where it cannot run (see vm-pauses.ts). */
let vmPauses: VmPauses | null = null;

// The measuring clients' providers each add a process "exit" listener.
process.setMaxListeners(0);
/** Measuring clients on one document, unless the scenario says otherwise. */
const MEASURING = 4;

/**
 * `measuredDocuments`: with few clients per document, every client of that many documents measures;
 * on one document, `measuring` clients do (MEASURING by default). More measuring clients give a p99
 * that rests on more samples; they run in this process, so only where that stays light.
 */
type Scenario = { name: string; documents: number; clientsPerDocument: number; measuredDocuments?: number; measuring?: number };
const scenarios: Scenario[] = [
  { name: "N=10, one document", documents: 1, clientsPerDocument: 10, measuring: 10 },
  { name: "N=50, one document", documents: 1, clientsPerDocument: 50 },
  { name: "N=200, one document", documents: 1, clientsPerDocument: 200 },
  { name: "100 documents × 3", documents: 100, clientsPerDocument: 3, measuredDocuments: 20 },
];

type Result = {
  scenario: string;
  kind: ServerKind;
  clients: number;
  samples: number;
  lost: number;
  p50: number;
  p95: number;
  p99: number;
  editsPerSecond: number;
  deliveriesPerSecond: number;
  cpuPercent: number;
  /** CPU used by other processes on the machine during the window (% of one core). */
  otherCpuPercent: number;
  /** CPU PostgreSQL's processes used during the window (% of one core): ours stores there, the others do not. */
  databaseCpuPercent: number;
  /** Resident memory once started, before any client: what loading the server's code costs. */
  idleMb: number;
  peakMb: number;
  stored: string;
  /** Every arrival latency of the window, sorted (pooled over the rounds in the summary). */
  latencies: number[];
  /** Milliseconds of the window during which the whole machine was paused (see vm-pauses.ts). */
  pausedMs: number;
  /** The server's own garbage collections that started in the window: their total (ms) and the longest. */
  gcMs: number;
  gcLongest: GcPause | null;
  /** p99 over the samples that no pause overlapped, and those samples' latencies, sorted. */
  p99Unpaused: number;
  unpausedLatencies: number[];
  /** p99 of every round run (summary only). */
  p99Rounds?: number[];
};

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

type ServerProcess = { child: ChildProcess; gc: GcPauseLog };

/**
 * Starts a server in its own process (all three under the same runtime flags, each with
 * gc-observer.ts preloaded) and waits for it.
 */
async function startServer(kind: ServerKind, port: number, databaseUrl: string): Promise<ServerProcess> {
  const entry = {
    ours: here("./server-ours.ts"),
    hocuspocus: here("./server-hocuspocus.ts"),
    reference: fileURLToPath(new URL("../../../node_modules/y-websocket-v1/bin/server.js", import.meta.url)),
  }[kind];
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}/${kind}`] : [];
  const observer = new URL("./gc-observer.ts", import.meta.url).href;
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "--import", observer, entry], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, DB_POOL_MAX: "10", LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    if (errors.length > 4000) errors = errors.slice(-4000);
  });
  const gc = new GcPauseLog();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${errors}`)), 30_000);
    // Read for as long as the server runs: the collector's lines come on stdout too.
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      gc.take(text);
      if (/listening|running at/.test(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`${kind} exited with ${code}: ${errors}`)));
  });
  return { child, gc };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A profiled server must exit by itself to write its profile (ours and Hocuspocus do on SIGTERM).
  child.kill(profileDir ? "SIGTERM" : "SIGKILL");
  const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(forced);
}

class LoadProcess {
  private readonly child: ChildProcess;
  private readonly replies: LoadReply[] = [];
  private waiters: Array<() => void> = [];

  constructor(clients: ClientSpec[]) {
    this.child = fork(here("./load-clients.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
    this.child.on("message", (message: LoadReply) => {
      this.replies.push(message);
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.send({ type: "config", clients, intervalMs: EDIT_INTERVAL_MS });
  }

  send(message: LoadMessage): void {
    this.child.send(message);
  }

  async next<T extends LoadReply["type"]>(type: T): Promise<Extract<LoadReply, { type: T }>> {
    for (;;) {
      const index = this.replies.findIndex((r) => r.type === type || r.type === "error");
      if (index >= 0) {
        const [reply] = this.replies.splice(index, 1);
        if (reply.type === "error") throw new Error(reply.message);
        if (isReply(reply, type)) return reply;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async exit(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.send({ type: "exit" });
    await Promise.race([exited, sleep(5_000)]);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

function isReply<T extends LoadReply["type"]>(reply: LoadReply, type: T): reply is Extract<LoadReply, { type: T }> {
  return reply.type === type;
}

type Fixture = { cookies: string[]; documentIds: string[] };

/** Users (one per client, all editors of one committee), their session cookies, and documents. */
async function createFixture(users: number, documents: number): Promise<Fixture> {
  const org = await createOrganization();
  const committee = await createCommittee({ organizationId: org.id });
  const chair = await createUser({ name: "Bench Chair" });
  await addMember(committee.id, chair.id, "CHAIR");
  const cookies: string[] = [];
  for (let i = 0; i < users; i++) {
    const user = await createUser({ name: `Bench ${i}` });
    await addMember(committee.id, user.id, "EDITOR");
    const { cookie } = await createSession(user.id, new Request("http://localhost/"));
    cookies.push(cookie.split(";")[0]);
  }
  const documentIds: string[] = [];
  for (let i = 0; i < documents; i++) {
    const project = await createProjectWithDocument({ committeeId: committee.id, createdById: chair.id });
    documentIds.push(project.documents[0].id);
  }
  return { cookies, documentIds };
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      console.warn(`  (gave up waiting for ${what})`);
      return false;
    }
    await sleep(20);
  }
  return true;
}

async function runOne(kind: ServerKind, scenario: Scenario, documentIds: string[], cookies: string[], databaseUrl: string): Promise<Result> {
  const port = await freePort();
  const server = await startServer(kind, port, databaseUrl);
  const pid = server.child.pid ?? 0;
  const idleMb = rssMb(pid);
  const baseUrl = kind === "ours" ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`;
  const runTag = Math.random().toString(36).slice(2, 8);
  const documentName = (d: number) => (kind === "ours" ? documentIds[d] : `bench-${runTag}-${d}`);
  const total = scenario.documents * scenario.clientsPerDocument;
  const specs: ClientSpec[] = [];
  for (let d = 0; d < scenario.documents; d++) {
    for (let c = 0; c < scenario.clientsPerDocument; c++) {
      specs.push({ kind, baseUrl, documentName: documentName(d), cookie: kind === "ours" ? cookies[specs.length] : null, name: `c${specs.length}` });
    }
  }
  // The measuring clients: some on the one document, or every client of the measured documents.
  const measuringIndexes = new Set<number>();
  if (scenario.measuredDocuments === undefined) {
    for (let c = 0; c < (scenario.measuring ?? MEASURING); c++) measuringIndexes.add(c);
  } else {
    for (let i = 0; i < scenario.measuredDocuments * scenario.clientsPerDocument; i++) measuringIndexes.add(i);
  }
  const loadSpecs = specs.filter((_, i) => !measuringIndexes.has(i));
  const processes = total >= 40 ? 2 : 1;
  const loads = Array.from({ length: processes }, (_, p) => new LoadProcess(loadSpecs.filter((_, i) => i % processes === p)));
  await Promise.all(loads.map((load) => load.next("ready")));

  type Measurer = { client: BenchClient; spec: ClientSpec; sentAt: number[] };
  const measurers: Measurer[] = [...measuringIndexes].map((i) => ({ client: connectClient(specs[i]), spec: specs[i], sentAt: [] }));
  await waitUntil(() => measurers.every((m) => m.client.synced()), "the measuring clients to sync", 60_000);

  // Every client times its edits; the measuring clients, in this lightly loaded process, record when
  // each edit of every other client of their document arrives.
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const inWindow = (sentAt: number) => sentAt >= windowStart && sentAt < windowEnd;
  const samples: Sample[] = [];
  for (const m of measurers) {
    observeArrivals(m.client.doc, `${m.spec.name}:`, (sentAt, latency) => {
      if (inWindow(sentAt)) samples.push({ sentAt, latency });
    });
  }

  for (const load of loads) load.send({ type: "start" });
  const timers: NodeJS.Timeout[] = [];
  for (const m of measurers) {
    let seq = 0;
    const tick = () => m.sentAt.push(timedEdit(m.client.doc, `${m.spec.name}:${seq++}`));
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, EDIT_INTERVAL_MS));
      }, Math.random() * EDIT_INTERVAL_MS),
    );
  }

  await sleep(warmupSeconds * 1000);
  const cpuBefore = cpuSeconds(pid);
  const pids = benchmarkPids();
  const databasePids = new Set(postgresPids());
  const benchmarkBefore = cpuSecondsOf(pids);
  const busyBefore = systemBusySeconds();
  windowStart = now();
  windowEnd = windowStart + measureSeconds * 1000;
  await sleep(measureSeconds * 1000);
  const cpuAfter = cpuSeconds(pid);
  const wall = (now() - windowStart) / 1000;
  // CPU that neither the benchmark nor PostgreSQL used during the window: other work on the machine.
  let benchmarkUsed = 0;
  let databaseUsed = 0;
  for (const [p, after] of cpuSecondsOf(pids)) {
    const used = after - (benchmarkBefore.get(p) ?? after);
    benchmarkUsed += used;
    if (databasePids.has(p)) databaseUsed += used;
  }
  const otherCpuPercent = Math.max(0, ((systemBusySeconds() - busyBefore - benchmarkUsed) / wall) * 100);
  for (const timer of timers) clearInterval(timer);
  const stopped = await Promise.all(
    loads.map(async (load) => {
      load.send({ type: "stop" });
      return load.next("stopped");
    }),
  );
  // Edits still on their way when the window closed get time to arrive; what never does is lost.
  await sleep(1_500);
  const peakMb = peakRssMb(pid);
  // Every edit made in the window should arrive at each measuring client of its document but its author.
  const sends = [
    ...stopped.flatMap((report) => report.sends),
    ...measurers.map((m) => ({ documentName: m.spec.documentName, sentAt: m.sentAt })),
  ];
  let expected = 0;
  for (const send of sends) {
    const inWindowCount = send.sentAt.filter(inWindow).length;
    expected += inWindowCount * measurers.filter((m) => m.spec.documentName === send.documentName).length;
  }
  expected -= measurers.reduce((n, m) => n + m.sentAt.filter(inWindow).length, 0); // not to themselves
  const received = samples.length;
  let stored = "n/a";
  if (kind === "ours") {
    const saved = await waitUntil(() => measurers.every((m) => m.client.saved()), "acknowledgements", 10_000);
    stored = saved ? "yes" : "NO";
  }
  const sentTotal = stopped.reduce((n, s) => n + s.edits, 0) + measurers.reduce((n, m) => n + m.sentAt.length, 0);
  for (const m of measurers) m.client.destroy();
  await Promise.all(loads.map((load) => load.exit()));
  await stop(server.child);
  const gc = server.gc.between(windowStart, windowEnd);

  const sorted = samples.map((s) => s.latency).sort((a, b) => a - b);
  // Edits sent in the window arrive up to a few hundred ms after it: pauses until then count.
  const pauses = vmPauses?.between(windowStart, windowEnd + 1_000) ?? [];
  const unpaused = unpausedSamples(samples, pauses)
    .map((s) => s.latency)
    .sort((a, b) => a - b);
  const otherClientsPerDocument = scenario.clientsPerDocument - 1;
  return {
    scenario: scenario.name,
    kind,
    clients: total,
    samples: sorted.length,
    lost: Math.max(0, expected - received),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    // All edits made during the run, per second of it (warm-up included in both terms).
    editsPerSecond: sentTotal / (warmupSeconds + wall),
    // Each edit is delivered to every other client of its document.
    deliveriesPerSecond: (sentTotal / (warmupSeconds + wall)) * otherClientsPerDocument,
    cpuPercent: ((cpuAfter - cpuBefore) / wall) * 100,
    otherCpuPercent,
    databaseCpuPercent: (databaseUsed / wall) * 100,
    idleMb,
    peakMb,
    stored,
    latencies: sorted,
    pausedMs: vmPauses ? pauses.filter((p) => p.start < windowEnd).reduce((ms, p) => ms + p.duration, 0) : Number.NaN,
    p99Unpaused: vmPauses ? percentile(unpaused, 99) : Number.NaN,
    unpausedLatencies: unpaused,
    gcMs: gc.totalMs,
    gcLongest: gc.longest,
  };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const longestGc = (pause: GcPause | null) => (pause ? `${fmt(pause.duration)} ${pause.kind}` : "none");

function printTable(results: Result[]): void {
  const header = ["scenario", "server", "clients", "p50 ms", "p95 ms", "p99 ms", "p99 of rounds", "VM paused ms", "p99 unpaused ms", "GC ms (longest)", "samples", "lost", "edits/s", "deliveries/s", "CPU %", "database CPU %", "idle MB", "peak MB", "stored", "other CPU %"];
  const rows = results.map((r) => [
    r.scenario,
    r.kind,
    String(r.clients),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    (r.p99Rounds ?? [r.p99]).map((p) => fmt(p)).join(" / "),
    fmt(r.pausedMs, 0),
    fmt(r.p99Unpaused),
    `${fmt(r.gcMs, 0)} (${longestGc(r.gcLongest)})`,
    String(r.samples),
    String(r.lost),
    fmt(r.editsPerSecond, 0),
    fmt(r.deliveriesPerSecond, 0),
    fmt(r.cpuPercent, 0),
    fmt(r.databaseCpuPercent, 0),
    fmt(r.idleMb, 0),
    fmt(r.peakMb, 0),
    r.stored,
    fmt(r.otherCpuPercent, 0),
  ]);
  printRows(header, rows);
  console.log("\nOurs as a ratio to the reference server and to Hocuspocus (below 1 is better for ours):");
  const ratioHeader = ["scenario", "p50 ÷ ref", "p99 ÷ ref", "p50 ÷ hocus", "p99 ÷ hocus", "p99 ÷ best", "unpaused p99 ÷ best", "CPU ÷ ref", "CPU ÷ hocus", "mem ÷ ref", "mem ÷ hocus", "growth ÷ hocus", "target"];
  const ratioRows: string[][] = [];
  for (const scenario of scenarios) {
    const find = (kind: ServerKind) => results.find((r) => r.scenario === scenario.name && r.kind === kind);
    const ours = find("ours");
    const ref = find("reference");
    const hocus = find("hocuspocus");
    if (!ours) continue;
    const ratio = (a: number, b: number | undefined) => (b === undefined ? "–" : fmt(a / b, 2));
    const best = Math.min(ref?.p99 ?? Infinity, hocus?.p99 ?? Infinity);
    const bestUnpaused = Math.min(ref?.p99Unpaused ?? Infinity, hocus?.p99Unpaused ?? Infinity);
    ratioRows.push([
      scenario.name,
      ratio(ours.p50, ref?.p50),
      ratio(ours.p99, ref?.p99),
      ratio(ours.p50, hocus?.p50),
      ratio(ours.p99, hocus?.p99),
      Number.isFinite(best) ? fmt(ours.p99 / best, 2) : "–",
      Number.isFinite(bestUnpaused) ? fmt(ours.p99Unpaused / bestUnpaused, 2) : "–",
      ratio(ours.cpuPercent, ref?.cpuPercent),
      ratio(ours.cpuPercent, hocus?.cpuPercent),
      ratio(ours.peakMb, ref?.peakMb),
      ratio(ours.peakMb, hocus?.peakMb),
      // Peak minus idle: the memory the workload itself needed, without the code each server loads.
      hocus ? fmt((ours.peakMb - ours.idleMb) / (hocus.peakMb - hocus.idleMb), 2) : "–",
      // Judged on every sample: the unpaused ratio explains a round, it does not replace the target.
      Number.isFinite(best) ? (ours.p99 <= best ? "met" : "MISSED") : "–",
    ]);
  }
  printRows(ratioHeader, ratioRows);
}

function printRows(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const started = Date.now();
  const databaseName = uniqueDatabaseName("studio_bench");
  const databaseUrl = await createDatabase(databaseName);
  process.env.DATABASE_URL = databaseUrl;
  process.env.SESSION_SECRET ??= "benchmark-session-secret-of-at-least-32-chars";
  const results: Result[][] = [];
  vmPauses = await VmPauses.start();
  if (!vmPauses) console.warn("(no real-time pause probe here: `chrt -f` is missing or not allowed; pauses of the machine are not recorded)");
  try {
    await migrateDatabase(databaseUrl);
    const selected = scenarios.filter((s) => !scenarioFilter || s.name.includes(scenarioFilter));
    const maxClients = Math.max(...selected.map((s) => s.documents * s.clientsPerDocument));
    // Ours gets fresh documents for every run, so no run starts with another's text.
    const documentsNeeded = selected.reduce((n, s) => n + s.documents, 0) * rounds; // reused by a repeated run
    const fixture = await createFixture(maxClients, only.includes("ours") ? documentsNeeded : 0);
    console.log(
      `collaboration benchmark: ${rounds} round(s), ${measureSeconds} s measured after ${warmupSeconds} s warm-up, ` +
        `2 edits/s per client; ${MEASURING} measuring clients on one document (all 10 at N=10), all clients of 20 documents in the many-documents case\n`,
    );
    let nextDocument = 0;
    for (let round = 0; round < rounds; round++) {
      // Alternate the order, so that no server always runs right after the same one.
      const kinds = (["reference", "hocuspocus", "ours"] as const).filter((k) => only.includes(k));
      if (round % 2 === 1) kinds.reverse();
      for (const scenario of selected) {
        const documentIds = fixture.documentIds.slice(nextDocument, nextDocument + scenario.documents);
        nextDocument += scenario.documents;
        for (const kind of kinds) {
          // A window during which other processes took a noticeable share of the two cores measures
          // them, not the server: run it again (once, to keep the whole under ~5 minutes) and keep
          // the less disturbed run.
          let result = await runOne(kind, scenario, documentIds, fixture.cookies, databaseUrl);
          for (let attempt = 1; attempt < MAX_ATTEMPTS && result.otherCpuPercent > DISTURBED_CPU_PERCENT; attempt++) {
            console.log(`  (${kind}, ${scenario.name}: other processes used ${fmt(result.otherCpuPercent, 0)}% CPU; running it again)`);
            const again = await runOne(kind, scenario, documentIds, fixture.cookies, databaseUrl);
            if (again.otherCpuPercent < result.otherCpuPercent) result = again;
          }
          (results[round] ??= []).push(result);
          console.log(
            `round ${round + 1}  ${scenario.name.padEnd(20)} ${kind.padEnd(10)} p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  ` +
              `VM paused ${fmt(result.pausedMs, 0)} ms, unpaused p99 ${fmt(result.p99Unpaused)} ms  ` +
              `GC ${fmt(result.gcMs, 0)} ms (longest ${longestGc(result.gcLongest)})  ` +
              `CPU ${fmt(result.cpuPercent, 0)}% (database ${fmt(result.databaseCpuPercent, 0)}%)  peak ${fmt(result.peakMb, 0)} MB  (others ${fmt(result.otherCpuPercent, 0)}% CPU)`,
          );
        }
      }
    }
    console.log("");
    printTable(summarizeRounds(results));
    console.log(`\n(total ${Math.round((Date.now() - started) / 1000)} s)`);
  } finally {
    vmPauses?.stop();
    await disconnectPrisma();
    await dropDatabase(databaseName);
  }
}

/**
 * Per scenario and server, over all rounds: latency percentiles of every sample pooled, and the round
 * with the median CPU for CPU and memory. This machine is shared and one window's p99 rests on a
 * handful of samples, so a single burst of unrelated work can decide it; pooled over rounds run in
 * alternating order, the p99 rests on several times as many samples and no one window decides it.
 */
function summarizeRounds(rounds: Result[][]): Result[] {
  const byKey = new Map<string, Result[]>();
  for (const result of rounds.flat()) {
    const key = `${result.scenario}\u0000${result.kind}`;
    byKey.set(key, [...(byKey.get(key) ?? []), result]);
  }
  return [...byKey.values()].map((results) => {
    const byCpu = [...results].sort((a, b) => a.cpuPercent - b.cpuPercent);
    const median = byCpu[Math.floor((byCpu.length - 1) / 2)];
    const pooled = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const unpaused = results.flatMap((r) => r.unpausedLatencies).sort((a, b) => a - b);
    return {
      ...median,
      samples: pooled.length,
      lost: results.reduce((n, r) => n + r.lost, 0),
      stored: results.every((r) => r.stored === results[0].stored) ? results[0].stored : "NO",
      p50: percentile(pooled, 50),
      p95: percentile(pooled, 95),
      p99: percentile(pooled, 99),
      latencies: pooled,
      pausedMs: results.reduce((ms, r) => ms + r.pausedMs, 0),
      gcMs: results.reduce((ms, r) => ms + r.gcMs, 0),
      gcLongest: longestPause(results.map((r) => r.gcLongest)),
      p99Unpaused: vmPauses ? percentile(unpaused, 99) : Number.NaN,
      unpausedLatencies: unpaused,
      p99Rounds: results.map((r) => r.p99),
    };
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// Figures for the collaboration benchmark: percentiles and a server process's CPU and peak memory,
// read from /proc so the three servers are measured the same way from outside.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** How gc-observer.ts, preloaded into each server, starts its stdout line per collection. */
export const GC_LINE_PREFIX = "bench-gc ";

/**
 * One garbage collection of a server: when it started (the clock of `now`), how long it took (ms),
 * and V8's kind of it (minor: a scavenge; major: mark-compact; incremental: a marking step).
 */
export type GcPause = { start: number; duration: number; kind: string };

/** Reads gc-observer.ts lines out of a server's stdout as it arrives; other output is ignored. */
export class GcPauseLog {
  readonly pauses: GcPause[] = [];
  private partial = "";

  /** Takes a chunk of the server's stdout. */
  take(chunk: string): void {
    const lines = (this.partial + chunk).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith(GC_LINE_PREFIX)) continue;
      const [start, duration, kind] = line.slice(GC_LINE_PREFIX.length).split(" ");
      this.pauses.push({ start: Number(start), duration: Number(duration), kind: kind ?? "other" });
    }
  }

  /** The collections that started in [from, to): their total (ms) and the longest of them. */
  between(from: number, to: number): { totalMs: number; longest: GcPause | null } {
    const inside = this.pauses.filter((pause) => pause.start >= from && pause.start < to);
    return { totalMs: inside.reduce((ms, pause) => ms + pause.duration, 0), longest: longestPause(inside) };
  }
}

/** The longest of some pauses (null where none is given). */
export function longestPause(pauses: Iterable<GcPause | null>): GcPause | null {
  let longest: GcPause | null = null;
  for (const pause of pauses) {
    if (pause !== null && (longest === null || pause.duration > longest.duration)) longest = pause;
  }
  return longest;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** User plus system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/** Peak resident memory of the process since it started, in MB (VmHWM). */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export function now(): number {
  // Comparable across processes on one machine, with sub-millisecond resolution.
  return performance.timeOrigin + performance.now();
}

/** Current resident memory of the process, in MB (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * CPU seconds all cores spent running processes, plus steal (a neighbour on the host disturbs as
 * much as a local process). Interrupt time is left out: loopback networking is mostly softirq time
 * that belongs to no process, and here most of it is the benchmark's own traffic.
 */
export function systemBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  const [, user, nice, system, , , , , steal] = line.trim().split(/\s+/).map(Number);
  return (user + nice + system + steal) / CLOCK_TICKS_PER_SECOND;
}

function processes(): Array<{ pid: number; ppid: number; comm: string }> {
  const found: Array<{ pid: number; ppid: number; comm: string }> = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      found.push({ pid: Number(entry), ppid, comm });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * The processes whose CPU belongs to the benchmark: this process and everything it started, and
 * PostgreSQL (our server's storage work runs in its backends).
 */
export function benchmarkPids(): number[] {
  const all = processes();
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  for (const pid of postgresPids(all)) ours.add(pid);
  return [...ours];
}

/** PostgreSQL's processes (the server and its backends) on this machine. */
export function postgresPids(all = processes()): number[] {
  return all.filter((p) => p.comm === "postgres").map((p) => p.pid);
}

/** CPU seconds used so far by the given processes (those that ended are skipped). */
export function cpuSecondsOf(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      used.set(pid, cpuSeconds(pid));
    } catch {
      // ended
    }
  }
  return used;
}

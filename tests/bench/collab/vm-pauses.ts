// Pauses of the whole virtual machine, as the benchmark sees them.
//
// Why: on these VMs every process stops at once, now and then, for 10–60 ms (two idle processes
// that only wake every millisecond miss the same instants, a few times a minute; the host does not
// report it as steal time). A pause in a measured window delays every delivery in flight, whichever
// server runs, and one pause sets that round's p99. The benchmark records the pauses with a probe
// that no ordinary process can hold up (vm-pause-probe.ts, SCHED_FIFO through `chrt`), and prints
// the percentiles both over every sample and over the samples no pause overlapped. See ADR 021.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export type Pause = { start: number; duration: number };

/** A latency sample: when the edit was sent, and how long it took to arrive (ms). */
export type Sample = { sentAt: number; latency: number };

export class VmPauses {
  private readonly pauses: Pause[] = [];

  private constructor(private readonly child: ChildProcess) {
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const [start, duration] = line.split(" ").map(Number);
        if (Number.isFinite(start) && Number.isFinite(duration)) this.pauses.push({ start, duration });
      }
    });
  }

  /** Null when a real-time probe cannot be started here (no `chrt`, or not allowed to use SCHED_FIFO). */
  static async start(): Promise<VmPauses | null> {
    const probe = fileURLToPath(new URL("./vm-pause-probe.ts", import.meta.url));
    const child = spawn("chrt", ["-f", "50", process.execPath, "--import", "tsx", probe], { stdio: ["ignore", "pipe", "ignore"] });
    const started = await new Promise<boolean>((resolve) => {
      child.once("error", () => resolve(false));
      child.once("exit", () => resolve(false));
      child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().startsWith("probing")));
    });
    if (!started) {
      child.kill();
      return null;
    }
    return new VmPauses(child);
  }

  /** The pauses that overlap the time from `from` to `to` (epoch ms, as measure.now). */
  between(from: number, to: number): Pause[] {
    return this.pauses.filter((p) => p.start < to && p.start + p.duration > from);
  }

  stop(): void {
    this.child.kill("SIGTERM");
  }
}

/** The samples whose journey (from sending to arrival) no pause overlapped. */
export function unpausedSamples(samples: readonly Sample[], pauses: readonly Pause[]): Sample[] {
  return samples.filter(({ sentAt, latency }) => !pauses.some((p) => p.start < sentAt + latency && p.start + p.duration > sentAt));
}

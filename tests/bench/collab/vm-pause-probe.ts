// The pause probe (started by vm-pauses.ts under SCHED_FIFO): wakes every millisecond and reports,
// as one line "<start epoch ms> <duration ms>" on stdout, every wake-up that came more than
// PAUSE_MS late. A real-time process preempts every ordinary one the moment its timer fires, so the
// benchmark's own load cannot make it late; only the virtual machine not running at all can.
import { now } from "./measure";

const PAUSE_MS = Number(process.env.PAUSE_MS ?? 8);

let last = now();
setInterval(() => {
  const current = now();
  if (current - last > PAUSE_MS) process.stdout.write(`${last.toFixed(1)} ${(current - last).toFixed(1)}\n`);
  last = current;
}, 1);
process.on("SIGTERM", () => process.exit(0));
process.stdout.write("probing\n");

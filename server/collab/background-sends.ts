// Sends that may wait a little (acknowledgements of stored edits), run in short slices between which
// the event loop reads the sockets again.
//
// Why: one commit stores the batch of every document of the process at once, so the acknowledgements
// of all their connections fall due in the same turn. Each send is a write system call (about 30 µs
// here), and a few hundred of them in a row held up every edit that arrived meanwhile by 10 ms or
// more: the server's tail latency came from there, not from the edits. Run in slices of about a
// millisecond, with a setImmediate between slices (callbacks queued while the check phase runs wait
// for the next loop iteration, so I/O is polled in between), edits are relayed between two slices.
import { performance } from "node:perf_hooks";

export type BackgroundSendsOptions = {
  /** Longest a slice runs before it yields to I/O. */
  sliceMs?: number;
  /** A task threw; the others still run. */
  onError: (error: unknown) => void;
};

export class BackgroundSends {
  private queue: Array<() => void> = [];
  private next = 0;
  private scheduled: NodeJS.Immediate | null = null;
  private readonly sliceMs: number;

  constructor(private readonly options: BackgroundSendsOptions) {
    this.sliceMs = options.sliceMs ?? 1;
  }

  get pending(): number {
    return this.queue.length - this.next;
  }

  /** Runs `task` soon, after whatever is already queued. */
  enqueue(task: () => void): void {
    this.queue.push(task);
    this.scheduled ??= setImmediate(this.runSlice);
  }

  private readonly runSlice = (): void => {
    this.scheduled = null;
    const deadline = performance.now() + this.sliceMs;
    // At least one task per slice, so a slow task cannot stall the queue.
    do {
      this.runNext();
    } while (this.next < this.queue.length && performance.now() < deadline);
    if (this.next < this.queue.length) this.scheduled = setImmediate(this.runSlice);
    else this.reset();
  };

  private runNext(): void {
    const task = this.queue[this.next];
    this.queue[this.next] = noop; // let the closure go
    this.next += 1;
    try {
      task();
    } catch (error) {
      this.options.onError(error);
    }
  }

  private reset(): void {
    this.queue = [];
    this.next = 0;
  }
}

function noop(): void {}

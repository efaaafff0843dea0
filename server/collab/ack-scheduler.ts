// When each room next tells its connections what is stored (message 100), on one timer for the
// whole server.
//
// Why: a timer per room woke the event loop on its own for every room (at 100 documents, hundreds
// of wake-ups a second), and each pass then woke it again to send in the background. Here a room
// asks for a pass at a time; passes due within SLACK_MS of each other run together, so the rooms'
// acknowledgements fall into a few passes a second, each sent as one run of background sends.
// The timer fires at the earliest time asked for; a pass may run up to SLACK_MS before its own.

/** How much earlier than asked a pass may run, to join others due about then. */
const SLACK_MS = 25;

export interface AckTarget {
  /** Tells the connections that are due what is stored; may ask for another pass (passive ones). */
  sendPersisted(now: number): void;
}

export class AckScheduler {
  private readonly due = new Map<AckTarget, number>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private closed = false;

  /** Asks for a pass of `target` at `at` (Date.now time); an earlier request already made stands. */
  request(target: AckTarget, at: number): void {
    if (this.closed) return;
    const current = this.due.get(target);
    if (current !== undefined && current <= at) return;
    this.due.set(target, at);
    if (at < this.timerAt) this.arm(at);
  }

  cancel(target: AckTarget): void {
    this.due.delete(target);
  }

  /** Runs every pass due by `now` (with the slack), then waits for the earliest one left. */
  runDue(now = Date.now()): void {
    const ready: AckTarget[] = [];
    let next = Infinity;
    for (const [target, at] of this.due) {
      if (at <= now + SLACK_MS) ready.push(target);
      else next = Math.min(next, at);
    }
    for (const target of ready) this.due.delete(target);
    // Passes may ask for more (connections that wait longer); `request` arms the timer for those.
    this.disarm();
    if (next !== Infinity) this.arm(next);
    for (const target of ready) target.sendPersisted(now);
  }

  close(): void {
    this.closed = true;
    this.disarm();
    this.due.clear();
  }

  private arm(at: number): void {
    this.disarm();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.runDue();
    }, Math.max(0, at - Date.now()));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }
}

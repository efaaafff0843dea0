// A child process of load clients: connects its share of the N clients, then, between "start" and
// "stop", has each make a small timed edit every 500 ms (2 edits/s) at a random phase. Talks to the
// benchmark over the IPC channel.
import { connectClient, timedEdit, type BenchClient, type ClientSpec } from "./clients";

export type LoadMessage =
  | { type: "config"; clients: ClientSpec[]; intervalMs: number }
  | { type: "start" }
  | { type: "stop" }
  | { type: "exit" };

/** `sends` lists, per document, the send times of the edits this process made. */
export type LoadReply =
  | { type: "ready" }
  | { type: "stopped"; edits: number; sends: Array<{ documentName: string; sentAt: number[] }> }
  | { type: "error"; message: string };

// One `exit` listener per provider otherwise trips Node's leak warning at a few hundred clients.
process.setMaxListeners(0);

const clients: Array<{ client: BenchClient; spec: ClientSpec; sentAt: number[] }> = [];
const timers: NodeJS.Timeout[] = [];
let edits = 0;
let intervalMs = 500;

function reply(message: LoadReply): void {
  process.send?.(message);
}

async function waitSynced(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!clients.every((c) => c.client.synced())) {
    if (Date.now() > deadline) throw new Error("load clients did not sync within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

process.on("message", (message: LoadMessage) => {
  switch (message.type) {
    case "config":
      intervalMs = message.intervalMs;
      for (const spec of message.clients) clients.push({ client: connectClient(spec), spec, sentAt: [] });
      waitSynced().then(
        () => reply({ type: "ready" }),
        (error: unknown) => reply({ type: "error", message: String(error) }),
      );
      return;
    case "start":
      for (const entry of clients) {
        const phase = Math.random() * intervalMs;
        let seq = 0;
        timers.push(
          setTimeout(() => {
            const tick = () => {
              entry.sentAt.push(timedEdit(entry.client.doc, `${entry.spec.name}:${seq++}`));
              edits += 1;
            };
            tick();
            timers.push(setInterval(tick, intervalMs));
          }, phase),
        );
      }
      return;
    case "stop":
      for (const timer of timers) clearInterval(timer);
      reply({
        type: "stopped",
        edits,
        sends: clients.map((entry) => ({ documentName: entry.spec.documentName, sentAt: entry.sentAt })),
      });
      return;
    case "exit":
      for (const entry of clients) entry.client.destroy();
      process.exit(0);
  }
});

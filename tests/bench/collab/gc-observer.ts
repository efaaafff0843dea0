// Preloaded into every server process the collaboration benchmark starts (ours, the reference server
// and Hocuspocus alike): writes each garbage collection's start, duration and kind to stdout, so the
// benchmark can print how long each server stood still in its own collector during the window. At
// light load those pauses, a few milliseconds each, are what the p99 is made of (ADR 027, 028).
import { constants, PerformanceObserver, performance, type PerformanceEntry } from "node:perf_hooks";
import { GC_LINE_PREFIX } from "./measure";

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = gcKind(entry);
    process.stdout.write(`${GC_LINE_PREFIX}${(performance.timeOrigin + entry.startTime).toFixed(3)} ${entry.duration.toFixed(3)} ${kind}\n`);
  }
}).observe({ entryTypes: ["gc"] });

function gcKind(entry: PerformanceEntry): string {
  // Node sets `detail` on gc entries; its typings do not declare it on PerformanceEntry.
  const detail: unknown = Reflect.get(entry, "detail");
  const kind = typeof detail === "object" && detail !== null && "kind" in detail ? detail.kind : null;
  if (kind === constants.NODE_PERFORMANCE_GC_MINOR) return "minor";
  if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) return "major";
  if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) return "incremental";
  return "other";
}

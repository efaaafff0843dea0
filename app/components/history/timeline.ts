// The history timeline, newest first: versions, and between them the edit sessions grouped by day and
// part of day (morning, afternoon, evening) in the reader's time zone, so that one line can say
// "Li and Wang edited 5.2 and Annex A this afternoon". A group never spans a version: edits before
// and after freezing a text are different stories. Pure, so the page and its tests share it.

export type PartOfDay = "morning" | "afternoon" | "evening";
export type RelativeDay = "today" | "yesterday" | null;

export type TimelineSession = { userId: string; userName: string; startedAt: string | Date; endedAt: string | Date; updates: number; partIds: readonly string[] };
export type TimelinePart = { id: string; pos: number };
export type TimelineVersion = { id: string; createdAt: string | Date };

export type EditGroup<S> = {
  kind: "edits";
  key: string;
  /** The day in the reader's zone, YYYY-MM-DD. */
  day: string;
  part: PartOfDay;
  relativeDay: RelativeDay;
  /** Names, in the order they started editing within the group. */
  people: string[];
  /** Part ids, in the order of the current text (deleted parts last). */
  partIds: string[];
  sessions: S[];
  updates: number;
  latest: number;
};

export type VersionEntry<V> = { kind: "version"; version: V; previous: V | null };

export type TimelineEntry<V, S> = VersionEntry<V> | EditGroup<S>;

type ZonedTime = { day: string; hour: number };

function zonedTime(at: number, timeZone: string): ZonedTime {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "numeric", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) % 24 };
}

export function partOfDay(hour: number): PartOfDay {
  if (hour < 12) return "morning";
  if (hour < 18) return "afternoon";
  return "evening";
}

/** Whether a YYYY-MM-DD day is today or yesterday in the zone, else null. */
function relativeDay(day: string, now: number, timeZone: string): RelativeDay {
  const today = zonedTime(now, timeZone).day;
  if (day === today) return "today";
  // The calendar day before today, computed on the date itself so 23- and 25-hour days count right.
  const [y, m, d] = today.split("-").map(Number);
  const previous = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  return day === previous ? "yesterday" : null;
}

const time = (value: string | Date) => (value instanceof Date ? value.getTime() : Date.parse(value));

export function buildTimeline<V extends TimelineVersion, S extends TimelineSession>(options: {
  /** Oldest first, as listVersions gives them. */
  versions: readonly V[];
  sessions: readonly S[];
  parts: readonly TimelinePart[];
  timeZone: string;
  now: number;
}): TimelineEntry<V, S>[] {
  const { versions, timeZone, now } = options;
  const positions = new Map(options.parts.map((p) => [p.id, p.pos]));
  const versionTimes = versions.map((v) => time(v.createdAt));
  /** How many versions were made before a moment: the "era" a session belongs to. */
  const eraOf = (at: number) => versionTimes.filter((t) => t <= at).length;

  const groups = new Map<string, EditGroup<S> & { starts: Map<string, { name: string; at: number }> }>();
  for (const session of options.sessions) {
    const ended = time(session.endedAt);
    const { day, hour } = zonedTime(ended, timeZone);
    const part = partOfDay(hour);
    const era = eraOf(ended);
    const key = `${era}:${day}:${part}`;
    let group = groups.get(key);
    if (!group) {
      group = { kind: "edits", key, day, part, relativeDay: relativeDay(day, now, timeZone), people: [], partIds: [], sessions: [], updates: 0, latest: ended, starts: new Map() };
      groups.set(key, group);
    }
    group.sessions.push(session);
    group.updates += session.updates;
    group.latest = Math.max(group.latest, ended);
    const started = time(session.startedAt);
    const known = group.starts.get(session.userId);
    if (!known || started < known.at) group.starts.set(session.userId, { name: session.userName, at: started });
    for (const id of session.partIds) if (!group.partIds.includes(id)) group.partIds.push(id);
  }

  const entries: TimelineEntry<V, S>[] = [];
  for (const { starts, ...group } of groups.values()) {
    group.people = [...starts.values()].sort((a, b) => a.at - b.at).map((s) => s.name);
    group.partIds.sort((a, b) => (positions.get(a) ?? Number.MAX_SAFE_INTEGER) - (positions.get(b) ?? Number.MAX_SAFE_INTEGER));
    entries.push(group);
  }
  versions.forEach((version, index) => entries.push({ kind: "version", version, previous: index > 0 ? versions[index - 1] : null }));
  // Newest first; at the same moment a version goes above the edits it froze.
  const at = (entry: TimelineEntry<V, S>) => (entry.kind === "version" ? time(entry.version.createdAt) : entry.latest);
  return entries.sort((a, b) => at(b) - at(a) || (a.kind === "version" ? -1 : b.kind === "version" ? 1 : 0));
}

// Time-zone conversion built on Intl.DateTimeFormat only.
// "Wall-clock ms" below means the local date and time of a zone, encoded as if it were a UTC instant.

import { MS_PER_DAY, MS_PER_HOUR, MS_PER_SECOND } from "./calendar-days";

/** The only module-level state: building a formatter costs far more than using one. */
const formatterByZone = new Map<string, Intl.DateTimeFormat>();
/** Guards against unbounded growth from many spellings of valid zones (e.g. case variants). */
const MAX_CACHED_FORMATTERS = 1_000;

export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatterByZone.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  if (formatterByZone.size >= MAX_CACHED_FORMATTERS) formatterByZone.clear();
  formatterByZone.set(timeZone, formatter);
  return formatter;
}

function utcMsFromFields(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  // setUTCFullYear avoids Date.UTC mapping years 0..99 to 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Local wall-clock time of an instant (one Intl call). */
export function wallClockMsAt(epochMs: number, timeZone: string): number {
  const wholeSecondEpoch = Math.floor(epochMs / MS_PER_SECOND) * MS_PER_SECOND;
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of zoneFormatter(timeZone).formatToParts(wholeSecondEpoch)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      // Some engines still print midnight as 24 despite hourCycle h23.
      case "hour":
        hour = Number(part.value) % 24;
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
    }
  }
  return utcMsFromFields(year, month, day, hour, minute, second) + (epochMs - wholeSecondEpoch);
}

/** UTC offset (local minus UTC) in ms at an instant. */
export function offsetMsAt(epochMs: number, timeZone: string): number {
  return wallClockMsAt(epochMs, timeZone) - epochMs;
}

interface OffsetSegment {
  start: number;
  end: number;
  offsetMs: number;
}

/** Offsets never change twice within a day in real zones, so one sample per day finds every transition. */
const SAMPLE_STEP_MS = MS_PER_DAY;
/** Real offsets lie within [-12h, +14h]; this margin contains every instant of a wall-clock time. */
const WALL_TIME_LOOKUP_MARGIN_MS = 26 * MS_PER_HOUR;

/**
 * The offset history of one zone over a bounded span, as constant-offset segments.
 * Built with about one Intl call per day (plus a binary search per transition), then answers
 * instant <-> wall-clock questions with plain arithmetic.
 */
export class ZoneTimeline {
  private readonly segments: OffsetSegment[];
  private readonly firstSegment: OffsetSegment;
  private readonly coverStart: number;
  private readonly coverEnd: number;

  constructor(
    readonly timeZone: string,
    coverStart: number,
    coverEnd: number,
  ) {
    this.coverStart = Math.floor(coverStart / MS_PER_SECOND) * MS_PER_SECOND;
    this.coverEnd = Math.max(this.coverStart + MS_PER_SECOND, Math.ceil(coverEnd / MS_PER_SECOND) * MS_PER_SECOND);
    this.segments = buildSegments(timeZone, this.coverStart, this.coverEnd);
    this.firstSegment = this.segments[0] ?? { start: this.coverStart, end: this.coverEnd, offsetMs: 0 };
  }

  /** A timeline covering every instant that can carry the given wall-clock time. */
  static aroundWallTime(timeZone: string, wallClockMs: number): ZoneTimeline {
    return new ZoneTimeline(timeZone, wallClockMs - WALL_TIME_LOOKUP_MARGIN_MS, wallClockMs + WALL_TIME_LOOKUP_MARGIN_MS);
  }

  offsetAt(epochMs: number): number {
    if (epochMs < this.coverStart || epochMs >= this.coverEnd) return offsetMsAt(epochMs, this.timeZone);
    return this.segmentAt(epochMs).offsetMs;
  }

  wallClockAt(epochMs: number): number {
    return epochMs + this.offsetAt(epochMs);
  }

  /** Earliest instant showing this wall-clock time; null when it falls in a spring-forward gap. */
  earliestInstantOfWallTime(wallClockMs: number): number | null {
    const found = this.lookUpWallTime(wallClockMs);
    return found.kind === "exact" ? found.instant : null;
  }

  /**
   * First instant whose wall clock reads >= wallClockMs: the earlier instant of a repeated time,
   * the transition instant for a time inside a gap. Used for availability boundaries.
   */
  firstInstantAtOrAfterWallTime(wallClockMs: number): number {
    return this.lookUpWallTime(wallClockMs).instant;
  }

  private lookUpWallTime(wallClockMs: number): ResolvedWallTime {
    const found = this.scanForWallTime(wallClockMs);
    if (found.kind !== "outside") return found;
    const nearby = ZoneTimeline.aroundWallTime(this.timeZone, wallClockMs).scanForWallTime(wallClockMs);
    if (nearby.kind !== "outside") return nearby;
    // Only an offset beyond +-26h could land here; answer plainly instead of searching further.
    return { kind: "exact", instant: wallClockMs - offsetMsAt(wallClockMs, this.timeZone) };
  }

  private scanForWallTime(wallClockMs: number): WallTimeLookup {
    let isFirstSegment = true;
    for (const segment of this.segments) {
      const instant = wallClockMs - segment.offsetMs;
      if (instant < segment.start) {
        // Before the first segment we simply lack data; before a later one the time was skipped.
        return isFirstSegment ? OUTSIDE : { kind: "gap", instant: segment.start };
      }
      if (instant < segment.end) return { kind: "exact", instant };
      isFirstSegment = false;
    }
    return OUTSIDE;
  }

  /** Callers guarantee coverStart <= epochMs < coverEnd. Segments are few, so a linear scan wins. */
  private segmentAt(epochMs: number): OffsetSegment {
    let found = this.firstSegment;
    for (const segment of this.segments) {
      if (segment.start > epochMs) break;
      found = segment;
    }
    return found;
  }
}

type ResolvedWallTime = { kind: "exact" | "gap"; instant: number };

type WallTimeLookup = ResolvedWallTime | { kind: "outside" };

const OUTSIDE: WallTimeLookup = { kind: "outside" };

// Offsets at UTC midnights and the transitions found between them are facts about a zone's rules, which do
// not change while an isolate lives; remembering them turns the ~one Intl call per day of every timeline into
// map lookups. Bounded, since the keys come from request input.
const knownOffsets = new Map<string, number>();
const knownTransitions = new Map<string, number>();
const MAX_KNOWN_FACTS = 100_000;

function remember(cache: Map<string, number>, key: string, value: number): number {
  if (cache.size >= MAX_KNOWN_FACTS) cache.clear();
  cache.set(key, value);
  return value;
}

function offsetAtSample(timeZone: string, epochMs: number): number {
  if (epochMs % MS_PER_DAY !== 0) return offsetMsAt(epochMs, timeZone);
  const key = `${timeZone}|${epochMs}`;
  return knownOffsets.get(key) ?? remember(knownOffsets, key, offsetMsAt(epochMs, timeZone));
}

function transitionBetween(timeZone: string, before: number, offsetBefore: number, after: number): number {
  // Only transitions between two midnights are cached; the same pair always brackets the same transition.
  if (before % MS_PER_DAY !== 0 || after % MS_PER_DAY !== 0) return findTransition(timeZone, before, offsetBefore, after);
  const key = `${timeZone}|${before}`;
  return knownTransitions.get(key) ?? remember(knownTransitions, key, findTransition(timeZone, before, offsetBefore, after));
}

function buildSegments(timeZone: string, coverStart: number, coverEnd: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let segmentStart = coverStart;
  let sampleTime = coverStart;
  let sampleOffset = offsetAtSample(timeZone, coverStart);
  while (sampleTime < coverEnd) {
    // Samples at UTC midnights (at most a day apart, as before), so they repeat across requests.
    const nextMidnight = (Math.floor(sampleTime / SAMPLE_STEP_MS) + 1) * SAMPLE_STEP_MS;
    const nextSampleTime = Math.min(nextMidnight, coverEnd);
    const nextOffset = offsetAtSample(timeZone, nextSampleTime);
    if (nextOffset !== sampleOffset) {
      const transition = transitionBetween(timeZone, sampleTime, sampleOffset, nextSampleTime);
      if (transition > segmentStart) segments.push({ start: segmentStart, end: transition, offsetMs: sampleOffset });
      segmentStart = transition;
      sampleOffset = nextOffset;
    }
    sampleTime = nextSampleTime;
  }
  segments.push({ start: segmentStart, end: coverEnd, offsetMs: sampleOffset });
  return segments;
}

/** First whole second in (before, after] whose offset differs from offsetBefore. */
function findTransition(timeZone: string, before: number, offsetBefore: number, after: number): number {
  let low = before;
  let high = after;
  while (high - low > MS_PER_SECOND) {
    const middle = low + Math.floor((high - low) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
    if (offsetMsAt(middle, timeZone) === offsetBefore) low = middle;
    else high = middle;
  }
  return high;
}

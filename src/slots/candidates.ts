// Candidate slot starts: a wall-clock grid anchored at each availability interval's local start.

import { MS_PER_DAY } from "./calendar-days";
import type { Interval } from "./types";
import type { ZoneTimeline } from "./zoned-time";

export interface CandidateGrid {
  stepMs: number;
  lengthMs: number;
  offsetStartMs: number;
  /** Inclusive lower bound on slot starts (notice, now, range start). */
  minStart: number;
  /** Exclusive upper bound on slot starts. */
  maxStart: number;
}

/** Wall-clock and elapsed time differ by at most the DST shift; a day of slack covers any zone. */
const SKIP_AHEAD_SLACK_MS = MS_PER_DAY;

/** Sorted, duplicate-free slot starts that fit inside the intervals (which must be sorted and disjoint). */
export function generateCandidateStarts(intervals: Interval[], timeline: ZoneTimeline, grid: CandidateGrid): number[] {
  const starts: number[] = [];
  for (const interval of intervals) {
    if (interval.start + grid.offsetStartMs >= grid.maxStart) break;
    if (interval.end <= grid.minStart - grid.offsetStartMs) continue;
    appendIntervalStarts(interval, timeline, grid, starts);
  }
  return starts;
}

function appendIntervalStarts(interval: Interval, timeline: ZoneTimeline, grid: CandidateGrid, starts: number[]): void {
  const anchorWall = timeline.wallClockAt(interval.start);
  const lastUsefulWall = timeline.wallClockAt(interval.end) + SKIP_AHEAD_SLACK_MS;
  for (let step = firstUsefulStep(interval, grid); ; step++) {
    const wall = anchorWall + step * grid.stepMs;
    if (wall > lastUsefulWall) return;
    const instant = timeline.earliestInstantOfWallTime(wall);
    if (instant === null) continue; // skipped by a spring-forward gap
    const start = instant + grid.offsetStartMs;
    // Instants grow with wall time, so the first start that overruns ends this interval.
    if (start + grid.lengthMs > interval.end || start >= grid.maxStart) return;
    if (start < interval.start || start < grid.minStart) continue;
    starts.push(start);
  }
}

/** Jumps over grid points that certainly start before minStart (matters for long merged intervals). */
function firstUsefulStep(interval: Interval, grid: CandidateGrid): number {
  const elapsedToMinStart = grid.minStart - grid.offsetStartMs - interval.start - SKIP_AHEAD_SLACK_MS;
  return elapsedToMinStart > 0 ? Math.floor(elapsedToMinStart / grid.stepMs) : 0;
}

// Conflict checks against busy time, designed for candidates visited in ascending start order.

import { mergeIntervals } from "./availability";
import type { Interval, SeatedBooking } from "./types";

/** A busy interval that belongs to a seated booking: it only blocks slots other than its own. */
interface SeatOwnedBusy extends Interval {
  ownerStarts: number[];
}

export interface SeatContext {
  seatedBookings: SeatedBooking[];
  beforeBufferMs: number;
  afterBufferMs: number;
}

/**
 * Answers "does [start, end) overlap busy time?" for a non-decreasing sequence of `start`s,
 * with a forward-only pointer over merged busy intervals (O(busy + candidates) overall).
 */
export class BusySweep {
  private readonly merged: Interval[];
  private readonly seatOwned: SeatOwnedBusy[];
  private mergedCursor = 0;
  private seatOwnedCursor = 0;

  constructor(busy: Interval[], seats: SeatContext | null) {
    const { plain, seatOwned } = partitionSeatOwned(busy, seats);
    this.merged = mergeIntervals(plain);
    this.seatOwned = seatOwned.sort((a, b) => a.start - b.start);
  }

  /** occupiedStart must never decrease between calls. slotStart identifies the candidate's own seated booking. */
  overlaps(occupiedStart: number, occupiedEnd: number, slotStart: number): boolean {
    return this.overlapsMerged(occupiedStart, occupiedEnd) || this.overlapsForeignSeat(occupiedStart, occupiedEnd, slotStart);
  }

  private overlapsMerged(occupiedStart: number, occupiedEnd: number): boolean {
    let current = this.merged[this.mergedCursor];
    while (current && current.end <= occupiedStart) current = this.merged[++this.mergedCursor];
    return current !== undefined && current.start < occupiedEnd;
  }

  private overlapsForeignSeat(occupiedStart: number, occupiedEnd: number, slotStart: number): boolean {
    const { seatOwned } = this;
    // Ends are unsorted, so the cursor only skips a prefix that is certainly over; seated bookings are few.
    let first = seatOwned[this.seatOwnedCursor];
    while (first && first.end <= occupiedStart) first = seatOwned[++this.seatOwnedCursor];
    for (let index = this.seatOwnedCursor; index < seatOwned.length; index++) {
      const busy = seatOwned[index];
      if (!busy || busy.start >= occupiedEnd) return false;
      if (busy.end > occupiedStart && !busy.ownerStarts.includes(slotStart)) return true;
    }
    return false;
  }
}

/**
 * The caller lists seated bookings in `busy` too, either as-is or expanded by this event type's buffers;
 * those entries must not hide the seated slot itself.
 */
function partitionSeatOwned(busy: Interval[], seats: SeatContext | null): { plain: Interval[]; seatOwned: SeatOwnedBusy[] } {
  if (!seats || seats.seatedBookings.length === 0) return { plain: busy, seatOwned: [] };
  const ownersByShape = new Map<string, number[]>();
  const addOwner = (start: number, end: number, ownerStart: number) => {
    const key = shapeKey(start, end);
    const owners = ownersByShape.get(key);
    if (owners) owners.push(ownerStart);
    else ownersByShape.set(key, [ownerStart]);
  };
  for (const booking of seats.seatedBookings) {
    addOwner(booking.start, booking.end, booking.start);
    addOwner(booking.start - seats.beforeBufferMs, booking.end + seats.afterBufferMs, booking.start);
  }
  const plain: Interval[] = [];
  const seatOwned: SeatOwnedBusy[] = [];
  for (const interval of busy) {
    const ownerStarts = ownersByShape.get(shapeKey(interval.start, interval.end));
    if (ownerStarts) seatOwned.push({ start: interval.start, end: interval.end, ownerStarts });
    else plain.push(interval);
  }
  return { plain, seatOwned };
}

function shapeKey(start: number, end: number): string {
  return `${start}:${end}`;
}

import type { HttpSql } from "../services/db";

// Public slot answers (GET /v2/slots, legacy GET /v2/slots/available), kept in the isolate's memory.
//
// Booking widgets ask the same question on every page view; computing it costs a database round trip and
// the engine, serving it from memory costs neither. Each answer records the SlotsVersion of every host of
// the event type it was computed at (a counter database triggers move on every committed change to what a
// host's slots depend on: migration 20261126060000_slots_versions), and is served only while those are still
// the hosts' versions:
// - a write made through this isolate is seen by its next lookup (writes forget the remembered versions, and
//   nothing read before the write is remembered after it, even in the same millisecond: see ReadStart);
// - a write made anywhere else is seen within VERSION_RECHECK_MS (the version is re-read at most that often
//   per host and isolate, by one request while the others keep the last value);
// - what moves without a write bounds the answer's life: a hold lapsing, the first slot passing the minimum
//   notice, the freshness bound of the connected calendars' busy time it used (src/calendars/busy-cache.ts),
//   and ANSWER_MAX_AGE_MS for the rest (a rolling booking window's edge, organisation renames).
// A stale answer can offer a slot that was just taken; booking re-checks under the host's lock and answers 409,
// so staleness never double-books.

/** Longest an answer is served, whatever else holds. */
export const ANSWER_MAX_AGE_MS = 60_000;
/** How often an isolate re-reads a host's version while serving its answers from memory. */
export const VERSION_RECHECK_MS = 1_000;
// A version check that has not finished after this long no longer keeps others from starting one.
const CHECK_CLAIM_MS = 2_000;
// How long a lookup waits for another request's version read or computation before doing its own: that request may
// have been cancelled, and then its promises never settle.
const SHARED_WAIT_MS = 2_000;
// Memory bounds: the isolate has 128 MB; answers are strings of ~30 bytes per slot.
const MAX_ANSWERS = 2_000;
const MAX_TOTAL_CHARS = 16 * 1024 * 1024;
const MAX_ANSWER_CHARS = 512 * 1024;
// Hosts whose version is remembered (~100 bytes each); a forgotten one is simply read again.
const MAX_KNOWN_VERSIONS = 10_000;

/** What the cache holds against its bounds (GET /health with HEALTH_MEMORY_STATS). */
export interface SlotsAnswerCacheStats {
  answers: number;
  maxAnswers: number;
  chars: number;
  maxChars: number;
  hostVersions: number;
  maxHostVersions: number;
}

/** A host's SlotsVersion, as read with the data an answer was computed from. */
export interface HostSlotsVersion {
  userId: number;
  version: string;
}

export interface SlotsAnswer {
  /** The serialised response body. */
  body: string;
  /** The SlotsVersion of each host of the event type the answer was computed at. */
  hostVersions: readonly HostSlotsVersion[];
  /** Epoch ms after which the answer is not served. */
  validUntil: number;
}

/**
 * Taken before reading what an answer or a version is computed from: when, and after which of the writes made
 * through this isolate (a read started before one of them may predate it, even within the same millisecond).
 */
export interface ReadStart {
  at: number;
  generation: number;
}

interface KnownVersion {
  version: string;
  /** When the read that returned it was sent (epoch ms). */
  readAt: number;
  /** Set while one request re-reads it. */
  checkingSince?: number;
}

/** `promise`'s value, or undefined if it has not settled within `ms` (a rejection stays a rejection). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const readVersionStatement = `SELECT COALESCE((SELECT "version"::text FROM "SlotsVersion" WHERE "userId" = $1), '0') AS version`;

export class SlotsAnswerCache {
  private readonly answers = new Map<string, SlotsAnswer>();
  private totalChars = 0;
  private readonly versions = new Map<number, KnownVersion>();
  // Moves with every write through this isolate: a read started in the current generation saw them all; one started
  // before may predate a write, and what it read is not remembered.
  private generation = 0;
  // Reads of hosts with no remembered version, shared by the lookups that need one in the same generation (after a
  // write, every lookup in flight would otherwise read each host's version itself).
  private readonly reads = new Map<number, { generation: number; version: Promise<string> }>();
  // Answers being computed, by key: a lookup of the same question waits for the answer rather than computing it too.
  private readonly computations = new Map<string, Promise<void>>();

  /** The answer for `key` if it is still current, else undefined (reads the hosts' versions when due). */
  async lookup(key: string, sql: () => HttpSql, now = Date.now()): Promise<string | undefined> {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    if (answer.validUntil <= now) {
      this.drop(key, answer);
      return undefined;
    }
    let current: string[];
    try {
      current = await Promise.all(answer.hostVersions.map((host) => this.currentVersion(host.userId, sql, now)));
    } catch {
      return undefined; // recompute: that path reports a database failure properly
    }
    if (answer.hostVersions.some((host, i) => current[i] !== host.version)) {
      this.drop(key, answer);
      return undefined;
    }
    return answer.body;
  }

  /** Marks the start of a read whose result will be stored or remembered. */
  readStart(now = Date.now()): ReadStart {
    return { at: now, generation: this.generation };
  }

  /** Keeps an answer computed from data read from `read` on (its versions were read in the same snapshot). */
  store(key: string, answer: SlotsAnswer, read: ReadStart) {
    for (const host of answer.hostVersions) this.noteVersion(host.userId, host.version, read);
    if (answer.body.length > MAX_ANSWER_CHARS || answer.validUntil <= Date.now()) return;
    const previous = this.answers.get(key);
    if (previous) this.drop(key, previous);
    while (this.answers.size >= MAX_ANSWERS || this.totalChars + answer.body.length > MAX_TOTAL_CHARS) {
      const [oldestKey, oldest] = this.answers.entries().next().value!;
      this.drop(oldestKey, oldest);
    }
    this.answers.set(key, answer);
    this.totalChars += answer.body.length;
  }

  /** Runs `compute` (which answers `key` and stores the answer) while other lookups of `key` can wait for it. */
  async computing(key: string, compute: () => Promise<void>): Promise<void> {
    if (this.computations.has(key)) return compute();
    const running = compute();
    const ended = running.then(
      () => undefined,
      () => undefined,
    );
    this.computations.set(key, ended);
    try {
      await running;
    } finally {
      if (this.computations.get(key) === ended) this.computations.delete(key);
    }
  }

  /** Waits for the computation of `key` in flight, if any; true once it has ended (false: none, or it took too long). */
  async computationEnded(key: string): Promise<boolean> {
    const inFlight = this.computations.get(key);
    if (!inFlight) return false;
    return (
      (await within(
        inFlight.then(() => true),
        SHARED_WAIT_MS,
      )) ?? false
    );
  }

  stats(): SlotsAnswerCacheStats {
    return {
      answers: this.answers.size,
      maxAnswers: MAX_ANSWERS,
      chars: this.totalChars,
      maxChars: MAX_TOTAL_CHARS,
      hostVersions: this.versions.size,
      maxHostVersions: MAX_KNOWN_VERSIONS,
    };
  }

  /** After a write through this isolate: every host's version must be read again before an answer is served. */
  forgetVersions() {
    this.versions.clear();
    this.generation++;
  }

  private drop(key: string, answer: SlotsAnswer) {
    if (this.answers.get(key) !== answer) return;
    this.answers.delete(key);
    this.totalChars -= answer.body.length;
  }

  private async currentVersion(host: number, sql: () => HttpSql, now: number): Promise<string> {
    const known = this.versions.get(host);
    if (known && now - known.readAt < VERSION_RECHECK_MS) return known.version;
    // One request re-reads an outdated version; the others keep using it meanwhile.
    if (known?.checkingSince !== undefined && now - known.checkingSince < CHECK_CLAIM_MS) return known.version;
    if (known) {
      known.checkingSince = now;
      try {
        return await this.readVersion(host, sql, this.readStart(now));
      } finally {
        known.checkingSince = undefined;
      }
    }
    const shared = this.reads.get(host);
    if (shared?.generation === this.generation) {
      const version = await within(shared.version, SHARED_WAIT_MS).catch(() => undefined);
      if (version !== undefined) return version;
    }
    const start = this.readStart(now);
    const read = { generation: start.generation, version: this.readVersion(host, sql, start) };
    this.reads.set(host, read);
    try {
      return await read.version;
    } finally {
      if (this.reads.get(host) === read) this.reads.delete(host);
    }
  }

  private async readVersion(host: number, sql: () => HttpSql, start: ReadStart): Promise<string> {
    const rows = (await sql().query(readVersionStatement, [host])) as Array<{ version: string }>;
    const version = rows[0]?.version ?? "0";
    this.noteVersion(host, version, start);
    return version;
  }

  // Versions only move forward, and a read older than the last local write says nothing about the present.
  private noteVersion(host: number, version: string, read: ReadStart) {
    if (read.generation !== this.generation) return;
    const readAt = read.at;
    const known = this.versions.get(host);
    if (known && (BigInt(known.version) > BigInt(version) || (known.version === version && known.readAt >= readAt))) return;
    if (!known && this.versions.size >= MAX_KNOWN_VERSIONS) this.versions.delete(this.versions.keys().next().value!); // the oldest
    this.versions.set(host, { version, readAt });
  }
}

/** The isolate's cache of public slot answers. */
export const slotAnswers = new SlotsAnswerCache();

/** How long an answer may be served: see the header comment for each bound. */
export function answerValidUntil(params: {
  now: number;
  firstSlotStart: number | undefined;
  minimumNoticeMinutes: number;
  firstHoldReleaseAt: number | null;
  /** Connected calendars read for the answer: their freshness bound (src/calendars/busy-cache.ts), or null. */
  calendarsValidUntil?: number | null;
}): number {
  let until = params.now + ANSWER_MAX_AGE_MS;
  if (params.calendarsValidUntil != null) until = Math.min(until, params.calendarsValidUntil);
  if (params.firstSlotStart !== undefined) until = Math.min(until, params.firstSlotStart - params.minimumNoticeMinutes * 60_000);
  if (params.firstHoldReleaseAt !== null) until = Math.min(until, params.firstHoldReleaseAt);
  return until;
}

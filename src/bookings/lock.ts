import { ApiError, serviceUnavailable } from "../errors";
import { bookingGone, bookingUserNotFound, hostUnavailable } from "./errors";
import type { Db, Tx } from "../services/db";

export type { Tx };

// pg_advisory_xact_lock(namespace, key): the namespace keeps these locks apart from any other advisory lock.
const HOST_LOCK_NAMESPACE = 0x426b; // "Bk"

// A booker waits at most this long behind other bookings of the same host before being told to retry.
const LOCK_WAIT = "10s";
const TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * The order hosts' locks are taken in: ascending user id, each once. Two bookings sharing hosts then wait on
 * their first shared host instead of each holding one the other needs (a deadlock).
 */
export const hostLockOrder = (hostUserIds: readonly number[]): number[] => [...new Set(hostUserIds)].sort((a, b) => a - b);

/**
 * Runs `work` in one interactive transaction on the request's WebSocket session (`txDb`, a routed `Db` in
 * tests), holding the lock of every host: every change that can affect a host's availability (create,
 * reschedule, confirm, cancel) runs one at a time per host. The availability check inside `work` must read
 * through `tx`, after the locks, so that it sees every booking committed before it; READ COMMITTED gives each
 * statement a fresh snapshot, so it does.
 */
export async function withHostsLock<T>(txDb: Db, hostUserIds: readonly number[], work: (tx: Tx) => Promise<T>): Promise<T> {
  const [first, ...rest] = hostLockOrder(hostUserIds);
  if (first === undefined) throw new Error("a booking has at least one host");
  try {
    return await txDb.$transaction(
      async (tx) => {
        // One round trip for the first lock: the wait limit (SET LOCAL) is set before it is requested, left to right.
        await tx.$queryRaw`SELECT set_config('lock_timeout', ${LOCK_WAIT}, true),
                                  pg_advisory_xact_lock(${HOST_LOCK_NAMESPACE}::int, ${first}::int)::text`;
        // The others one statement each, so they are taken in order.
        for (const host of rest) await tx.$queryRaw`SELECT pg_advisory_xact_lock(${HOST_LOCK_NAMESPACE}::int, ${host}::int)::text`;
        return work(tx);
      },
      { maxWait: 10_000, timeout: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    throw translateDatabaseError(error) ?? error;
  }
}

/** withHostsLock for one host. */
export const withHostLock = <T>(txDb: Db, hostUserId: number, work: (tx: Tx) => Promise<T>): Promise<T> => withHostsLock(txDb, [hostUserId], work);

/** The text of an error and of its causes, where drivers put the SQLSTATE and constraint names. */
function errorText(error: unknown, depth = 0): string {
  if (depth > 4 || error === null || error === undefined) return "";
  if (typeof error !== "object") return String(error);
  const record = error as Record<string, unknown>;
  const parts = [record.message, record.code, record.constraint, JSON.stringify(record.meta ?? null)].map((p) => String(p ?? ""));
  return `${parts.join(" ")} ${errorText(record.cause, depth + 1)}`;
}

/** Database refusals that are answers, not failures: the no-overlap constraint, and a host too busy to lock. */
export function translateDatabaseError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return undefined;
  const text = errorText(error);
  if (text.includes("23P01") || text.includes("Booking_accepted_no_overlap")) return hostUnavailable();
  if (text.includes("55P03") || text.includes("P2028") || /lock timeout/i.test(text)) {
    return serviceUnavailable("Too many bookings are being made with this host right now. Please try again.");
  }
  return undefined;
}

/**
 * Runs `work` on a booking under its host's lock (and `otherHostIds`' locks), with the booking re-read inside the transaction (so a
 * concurrent cancel, reschedule or confirm of the same booking is seen). `load` finds it outside the lock first,
 * to learn the host.
 */
export async function withBookingLock<T, B extends { userId: number | null }>(
  txDb: Db,
  booking: B,
  reload: (tx: Tx) => Promise<B | null>,
  work: (tx: Tx, booking: B) => Promise<T>,
  /** More hosts to lock with the organizer: a team booking's co-hosts, the hosts it may move to. */
  otherHostIds: readonly number[] = [],
): Promise<T> {
  if (booking.userId === null) throw bookingUserNotFound();
  return withHostsLock(txDb, [booking.userId, ...otherHostIds], async (tx) => {
    const current = await reload(tx);
    if (!current) throw bookingGone();
    return work(tx, current);
  });
}

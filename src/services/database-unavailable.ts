import { serviceUnavailable } from "../errors";

// A database failure that says nothing about the request, only that Postgres cannot be used right now: the
// server is down or restarting, the connection was refused, dropped or terminated (pg_terminate_backend, a
// failover), or there are no connections left. Such a request answers 503 with Retry-After, never a 500: the
// client may retry (with the same Idempotency-Key for a POST; a transaction cut off mid-way was rolled back).

/** Postgres SQLSTATEs of an unusable server or connection. */
const UNAVAILABLE_SQLSTATES = new Set([
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
  "08P01", // protocol_violation (a connection cut mid-message)
  "3D000", // invalid_catalog_name: the database is gone (dropped, or not yet restored)
  "53300", // too_many_connections
  "57P01", // admin_shutdown: pg_terminate_backend, a server shutting down
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting
]);

/** Prisma's codes for the same conditions (its driver adapter maps them from the kinds below). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1003", "P1008", "P1017", "P2024", "P2037"]);

/** Prisma driver-adapter error kinds for the same conditions. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Network failures as the Neon driver (HTTP fetch or WebSocket) and node-postgres word them, and Prisma's wait for a session that did not open in time (P2028). */
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|fetch failed|Network connection lost|Connection terminated|connection (?:is )?closed|terminating connection|Client has encountered a connection error|WebSocket (?:was closed|connection|error)|socket hang up|the database system is (?:starting up|shutting down)|Unable to start a transaction in the given time/i;

/** node-postgres's own messages for a connection it lost or could not keep. */
const PG_CONNECTION_LOST =
  /^(?:Connection terminated(?: unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)$/;

interface ErrorLike {
  name?: unknown;
  type?: unknown;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  sourceError?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

/** The error itself and what it wraps (Prisma's driver-adapter cause, the Neon driver's source error), a few levels deep. */
function* chain(error: unknown, depth = 0): Generator<ErrorLike> {
  if (typeof error !== "object" || error === null || depth > 4) return;
  const e = error as ErrorLike;
  yield e;
  yield* chain(e.meta?.driverAdapterError?.cause, depth + 1);
  yield* chain(e.meta?.driverAdapterError, depth + 1);
  yield* chain(e.cause, depth + 1);
  yield* chain(e.sourceError, depth + 1);
}

const isErrorEvent = (e: ErrorLike) => e.type === "error" && typeof ErrorEvent !== "undefined" && e instanceof ErrorEvent;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === "string" && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_PRISMA_CODES.has(e.code))) return true;
    if (typeof e.originalCode === "string" && UNAVAILABLE_SQLSTATES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message !== "string") continue;
    // node-postgres (under the Neon WebSocket session) throws plain Errors with these exact messages.
    if (PG_CONNECTION_LOST.test(e.message)) return true;
    // Other database errors are judged by their words; an unrelated failure mentioning a socket is still a 500.
    const fromDatabase = typeof e.name === "string" && /NeonDbError|Prisma|DriverAdapterError|DatabaseError/.test(e.name);
    if (fromDatabase && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    // The Neon driver rejects with the socket's ErrorEvent when its WebSocket session fails (the only WebSocket
    // this Worker opens), e.g. "Uncaught Error: Network connection lost.".
    if (isErrorEvent(e) && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

export const DATABASE_RETRY_AFTER_SECONDS = 1;

export const databaseUnavailable = () => serviceUnavailable("The database is unavailable, please retry shortly.");

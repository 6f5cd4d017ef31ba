import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./context";
import { pathnameOf, pathWithQueryOf } from "./request-url";
import {
  ApiError,
  ERROR_STATUS,
  type ErrorCode,
  errorEnvelope,
  recordAlreadyExists,
  recordNotFound,
  referencedRecordMissing,
  valueCannotBeStored,
} from "./errors";
import { redactSecrets } from "./services/redact";
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable, isDatabaseUnavailable } from "./services/database-unavailable";
import { captureException } from "./services/error-reporting";

const STATUS_TO_CODE = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(ERROR_STATUS)) {
  if (!STATUS_TO_CODE.has(status)) STATUS_TO_CODE.set(status, code as ErrorCode);
}

// Cal.com's Prisma exception filter, by Prisma error code (and the same failures as raw Postgres SQLSTATEs, as
// the Neon HTTP driver reports them).
const PRISMA_ERRORS: Record<string, () => ApiError> = {
  P2002: recordAlreadyExists,
  P2025: recordNotFound,
  P2003: referencedRecordMissing,
  "23505": recordAlreadyExists,
  "23503": referencedRecordMissing,
  // Values the input made that Postgres cannot hold: a 400, whichever operation computed them (Cal.com: 500s).
  P2000: valueCannotBeStored, // too long for the column
  P2007: valueCannotBeStored, // invalid input value (22P02)
  P2020: valueCannotBeStored, // out of range (22003)
  "22001": valueCannotBeStored, // string too long
  "22003": valueCannotBeStored, // numeric value out of range
  "22007": valueCannotBeStored, // invalid datetime format
  "22008": valueCannotBeStored, // datetime field overflow (past year 294276, or computed past 9999 as "+010000-…")
  "22009": valueCannotBeStored, // time zone displacement out of range (how an instant past 9999 reaches Postgres)
  "22021": valueCannotBeStored, // invalid byte sequence: NUL in text
  "22P02": valueCannotBeStored, // invalid text representation
  "22P05": valueCannotBeStored, // untranslatable character: NUL in jsonb
  "54000": valueCannotBeStored, // program limit exceeded (an index row too large)
};

/** The SQLSTATE of a database failure that Prisma's driver adapter did not map to a P-code. */
function unmappedSqlState(error: unknown): string | undefined {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })?.meta?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" ? cause.originalCode : undefined;
}

function isPrismaKnownError(error: unknown): error is { code: string; name: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    ["PrismaClientKnownRequestError", "NeonDbError"].includes((error as { name?: string }).name ?? "") &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (error instanceof HTTPException) {
    const code = STATUS_TO_CODE.get(error.status) ?? "BadRequestException";
    return error.status < 500 ? new ApiError(code, error.message || "Bad Request") : undefined;
  }
  if (isPrismaKnownError(error) && PRISMA_ERRORS[error.code]) {
    return PRISMA_ERRORS[error.code]!();
  }
  const sqlState = unmappedSqlState(error);
  if (sqlState && PRISMA_ERRORS[sqlState]) return PRISMA_ERRORS[sqlState]!();
  return undefined;
}

const requestPath = (c: Context) => pathWithQueryOf(c.req.url);

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = c.get("requestId");
  const known = toApiError(error);
  if (known && known.status < 500) {
    // A limit refused in domain code (a per-address budget) names its wait, as the pipeline's 429 does.
    const retryAfter = known.details?.retryAfterSeconds;
    if (known.status === 429 && typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
    return c.json(errorEnvelope(requestPath(c), known.code, known.message, { ...known.details, requestId }), known.status as 400);
  }
  // 5xx: log the cause, report it to Sentry (only when SENTRY_DSN is set), answer without internals.
  console.error(
    redactSecrets(
      JSON.stringify({
        level: "error",
        time: new Date().toISOString(),
        message: "unhandled error",
        requestId,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    ),
  );
  captureException(error, { tags: { requestId } });
  if (known?.status === 503) c.header("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  const message = known?.message ?? "There was an error, please try again later.";
  const code = known?.code ?? "INTERNAL_SERVER_ERROR";
  return c.json(errorEnvelope(requestPath(c), code, message, { requestId }), (known?.status ?? 500) as 500);
};

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  const pathname = pathnameOf(c.req.url);
  return c.json(errorEnvelope(requestPath(c), "NotFoundException", `Cannot ${c.req.method} ${pathname}`, { requestId: c.get("requestId") }), 404);
};

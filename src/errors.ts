import { z } from "@hono/zod-openapi";

// One table from error code to HTTP status. Codes are the names Cal.com's v2 puts in `error.code`
// (Nest exception class names; the Prisma and Zod filters use the upper-case ones).
export const ERROR_STATUS = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  ConflictException: 409,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  UnprocessableEntityException: 422,
  ThrottlerException: 429,
  TokenExpiredException: 498,
  InternalServerErrorException: 500,
  ServiceUnavailableException: 503,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
  // A tRPC handler's error surfacing through API v2 (the email-code check: "invalid_code").
  TRPCError: 400,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export class ApiError extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

// Error factories. Each Cal.com message is written in ONE place: here when several resources answer it, else in
// the resource's own `errors.ts` (e.g. src/bookings/errors.ts), built on these. No module keeps a local copy.
export const badRequest = (message: string) => new ApiError("BadRequestException", message);
export const unauthorized = (message: string) => new ApiError("UnauthorizedException", message);
export const notFound = (message: string) => new ApiError("NotFoundException", message);
export const conflict = (message: string) => new ApiError("ConflictException", message);
export const unprocessable = (message: string) => new ApiError("UnprocessableEntityException", message);
export const serviceUnavailable = (message: string) => new ApiError("ServiceUnavailableException", message);

// Guards prefix their 403 messages with their own name, as Cal.com's do ("PermissionsGuard - …").
export const forbidden = (guard: string, message: string) => new ApiError("ForbiddenException", `${guard} - ${message}`);
// Cal.com's Prisma exception filter messages (also answered where we check first instead of letting Prisma throw).
export const recordAlreadyExists = () => new ApiError("CONFLICT", "Invalid Input: Trying to create a record that already exists.");
export const recordNotFound = () => new ApiError("NOT_FOUND", "Invalid Query: The requested record was not found.");
export const referencedRecordMissing = () => new ApiError("BAD_REQUEST", "Invalid input: The referenced data does not exist.");
/** A value Postgres cannot hold (a date past year 9999, a number out of range, a NUL, an over-long string). */
export const valueCannotBeStored = () =>
  new ApiError("BAD_REQUEST", "Invalid input: a value is outside what can be stored (too large, too long, or an unsupported character).");

// Nest's default message when a guard returns false.
export const forbiddenResource = () => new ApiError("ForbiddenException", "Forbidden resource");

export const ErrorEnvelopeSchema = z
  .object({
    status: z.literal("error"),
    timestamp: z.string(),
    path: z.string(),
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("ErrorEnvelope");

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

export function errorEnvelope(path: string, code: string, message: string, details?: Record<string, unknown>): ErrorEnvelope {
  return { status: "error", timestamp: new Date().toISOString(), path, error: { code, message, ...(details ? { details } : {}) } };
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "Bad request: a field is missing or invalid (each bad field is named in the message)",
  401: "Missing, invalid or expired credentials",
  403: "Authenticated, but not permitted (the message names the guard)",
  404: "Not found",
  409: "Conflict with existing data, or a request with the same Idempotency-Key still in flight",
  413: "Request body too large",
  415: "Unsupported content type",
  422: "Unprocessable",
  429: "Rate limit exceeded (see Retry-After)",
  498: "Access token expired",
  500: "Internal error (the request id is in error.details)",
  503: "A dependency is unavailable",
};

// Shared OpenAPI response entries, so every route documents its errors the same way.
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: STATUS_DESCRIPTIONS[status] ?? "Error", content: { "application/json": { schema: ErrorEnvelopeSchema } } },
    ]),
  );
}

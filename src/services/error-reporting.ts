// Sentry, loaded only in an isolate that reports to it (SENTRY_DSN set: src/index.ts loads it before handling
// anything). Its modules are ~10 % of the bundle's start-up work, which an isolate without a DSN never needs.
type SentryModule = typeof import("@sentry/cloudflare");

let sentry: SentryModule | undefined;

export async function loadSentry(): Promise<SentryModule> {
  sentry ??= await import("@sentry/cloudflare");
  return sentry;
}

type CaptureContext = Parameters<SentryModule["captureException"]>[1];

/** Reports an exception when this isolate reports to Sentry; otherwise nothing (as Sentry does without a client). */
export function captureException(error: unknown, context?: CaptureContext): void {
  sentry?.captureException(error, context);
}

/** Reports a message when this isolate reports to Sentry; otherwise nothing. */
export function captureMessage(message: string, level: Parameters<SentryModule["captureMessage"]>[1]): void {
  sentry?.captureMessage(message, level);
}

import * as Sentry from "@sentry/cloudflare";
import { createApp } from "./app";

const app = createApp();

// Sentry is enabled only when SENTRY_DSN is set; the error handler reports 5xx responses only.
export default Sentry.withSentry(
  (env: { SENTRY_DSN?: string; ENVIRONMENT?: string }) =>
    env.SENTRY_DSN ? { dsn: env.SENTRY_DSN, environment: env.ENVIRONMENT, tracesSampleRate: 0 } : undefined,
  {
    fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  } satisfies ExportedHandler<Record<string, unknown>>,
);

import * as Sentry from "@sentry/cloudflare";
import { createApp } from "./app";

const app = createApp();

type Bindings = { SENTRY_DSN?: string; ENVIRONMENT?: string };

const serve: ExportedHandlerFetchHandler<Bindings> = (request, env, ctx) => app.fetch(request, env, ctx);

// Sentry's instrumentation costs CPU on every request, so it wraps the handler only when SENTRY_DSN is
// set; the error handler then reports 5xx responses (and nothing else). withSentry instruments the object
// it is given in place, hence an object of its own.
const instrumented = Sentry.withSentry((env: Bindings) => ({ dsn: env.SENTRY_DSN, environment: env.ENVIRONMENT, tracesSampleRate: 0 }), {
  fetch: serve,
} satisfies ExportedHandler<Bindings>);

export default {
  fetch: (request, env, ctx) => (env.SENTRY_DSN ? instrumented.fetch!(request, env, ctx) : serve(request, env, ctx)),
} satisfies ExportedHandler<Bindings>;

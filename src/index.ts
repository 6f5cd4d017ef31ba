import * as Sentry from "@sentry/cloudflare";
import { createApp } from "./app";
import { handleQueueBatch } from "./queues";

const app = createApp();

type Bindings = { SENTRY_DSN?: string; ENVIRONMENT?: string };

const serve: ExportedHandlerFetchHandler<Bindings> = (request, env, ctx) => app.fetch(request, env, ctx);
// Webhook fan-out, delivery and dead letters (src/queues/).
const consume: ExportedHandlerQueueHandler<Bindings> = (batch, env) => handleQueueBatch(batch, env);

// Sentry's instrumentation costs CPU on every request, so it wraps the handler only when SENTRY_DSN is
// set; the error handler then reports 5xx responses (and nothing else). withSentry instruments the object
// it is given in place, hence an object of its own.
const instrumented = Sentry.withSentry((env: Bindings) => ({ dsn: env.SENTRY_DSN, environment: env.ENVIRONMENT, tracesSampleRate: 0 }), {
  fetch: serve,
  queue: consume,
} satisfies ExportedHandler<Bindings>);

export default {
  fetch: (request, env, ctx) => (env.SENTRY_DSN ? instrumented.fetch!(request, env, ctx) : serve(request, env, ctx)),
  queue: (batch, env, ctx) => (env.SENTRY_DSN ? instrumented.queue!(batch, env, ctx) : consume(batch, env, ctx)),
} satisfies ExportedHandler<Bindings>;

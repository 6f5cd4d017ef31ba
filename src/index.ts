import * as Sentry from "@sentry/cloudflare";
import { createApp } from "./app";
import { handleQueueBatch } from "./queues";
import { handleScheduled } from "./workflows/reminders/scheduled";

const app = createApp();

type Bindings = { SENTRY_DSN?: string; ENVIRONMENT?: string };

const serve: ExportedHandlerFetchHandler<Bindings> = (request, env, ctx) => app.fetch(request, env, ctx);
// Webhook fan-out, delivery and dead letters (src/queues/).
const consume: ExportedHandlerQueueHandler<Bindings> = (batch, env) => handleQueueBatch(batch, env);
// The cron trigger: workflow reminders further away than a queue delay are enqueued when they come within it.
const tick: ExportedHandlerScheduledHandler<Bindings> = (controller, env, ctx) => ctx.waitUntil(handleScheduled(controller, env));

// Sentry's instrumentation costs CPU on every request, so it wraps the handler only when SENTRY_DSN is
// set; the error handler then reports 5xx responses (and nothing else). withSentry instruments the object
// it is given in place, hence an object of its own.
const instrumented = Sentry.withSentry((env: Bindings) => ({ dsn: env.SENTRY_DSN, environment: env.ENVIRONMENT, tracesSampleRate: 0 }), {
  fetch: serve,
  queue: consume,
  scheduled: tick,
} satisfies ExportedHandler<Bindings>);

export default {
  fetch: (request, env, ctx) => (env.SENTRY_DSN ? instrumented.fetch!(request, env, ctx) : serve(request, env, ctx)),
  queue: (batch, env, ctx) => (env.SENTRY_DSN ? instrumented.queue!(batch, env, ctx) : consume(batch, env, ctx)),
  scheduled: (controller, env, ctx) => (env.SENTRY_DSN ? instrumented.scheduled!(controller, env, ctx) : tick(controller, env, ctx)),
} satisfies ExportedHandler<Bindings>;

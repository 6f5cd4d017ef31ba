import { createApp } from "./app";
import { loadSentry } from "./services/error-reporting";

const app = createApp();

type Bindings = { SENTRY_DSN?: string; ENVIRONMENT?: string };

// The queue consumer and the cron code are loaded on first use, like the operations (src/operation.ts): an isolate
// started for a request never initialises them, which shortens its cold start (README "Cold start").
const serve: ExportedHandlerFetchHandler<Bindings> = (request, env, ctx) => app.fetch(request, env, ctx);
// Webhook fan-out, delivery and dead letters (src/queues/).
const consume: ExportedHandlerQueueHandler<Bindings> = async (batch, env) => (await import("./queues")).handleQueueBatch(batch, env);
// The cron trigger: workflow reminders further away than a queue delay are enqueued when they come within it.
const tick: ExportedHandlerScheduledHandler<Bindings> = (controller, env, ctx) =>
  ctx.waitUntil(import("./workflows/reminders/scheduled").then(({ handleScheduled }) => handleScheduled(controller, env)));

// Sentry's instrumentation costs CPU on every request, so it wraps the handlers only when SENTRY_DSN is set (and is
// loaded only then); the error handler then reports 5xx responses (and nothing else). withSentry instruments the
// object it is given in place, hence an object of its own.
let instrumented: Promise<ExportedHandler<Bindings>> | undefined;
const withSentry = () =>
  (instrumented ??= loadSentry().then((Sentry) =>
    Sentry.withSentry((env: Bindings) => ({ dsn: env.SENTRY_DSN, environment: env.ENVIRONMENT, tracesSampleRate: 0 }), {
      fetch: serve,
      queue: consume,
      scheduled: tick,
    } satisfies ExportedHandler<Bindings>),
  ));

export default {
  fetch: async (request, env, ctx) => (env.SENTRY_DSN ? (await withSentry()).fetch!(request, env, ctx) : serve(request, env, ctx)),
  queue: async (batch, env, ctx) => (env.SENTRY_DSN ? (await withSentry()).queue!(batch, env, ctx) : consume(batch, env, ctx)),
  scheduled: async (controller, env, ctx) => (env.SENTRY_DSN ? (await withSentry()).scheduled!(controller, env, ctx) : tick(controller, env, ctx)),
} satisfies ExportedHandler<Bindings>;

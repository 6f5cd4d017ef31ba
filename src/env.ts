import { z } from "zod";

// Worker bindings and vars, validated once per isolate-env object at the entry.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
// Vars arrive as strings, or as booleans when wrangler.toml gives a TOML boolean. Unset stays undefined so that
// a default can depend on other settings.
const booleanFlag = z
  .union([z.boolean(), z.enum(["true", "false"])])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === true || value === "true"));

// A Queue producer binding: anything with send/sendBatch (checked by shape; bindings are not classes we can test).
const isQueueBinding = (value: unknown): value is Queue<unknown> =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Queue<unknown>).send === "function" &&
  typeof (value as Queue<unknown>).sendBatch === "function";

// A send_email binding (Cloudflare Email Routing): anything with send().
const isSendEmailBinding = (value: unknown): value is SendEmail =>
  typeof value === "object" && value !== null && typeof (value as SendEmail).send === "function";

export interface SigningKey {
  kid: string;
  secret: string;
}

// "kid:secret,kid:secret": the first key signs new access tokens, every key listed verifies. To rotate, put the
// new key first and drop the old one once the last token it signed has expired (60 minutes).
export const SigningKeysSchema = z.string().transform((value, ctx): SigningKey[] => {
  const keys: SigningKey[] = [];
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(":");
    const kid = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(kid)) {
      ctx.addIssue({ code: "custom", message: "each entry must be <kid>:<secret>, kid of [A-Za-z0-9._-]" });
      return z.NEVER;
    }
    if (secret.length < 32) {
      ctx.addIssue({ code: "custom", message: `the secret of key "${kid}" must be at least 32 characters` });
      return z.NEVER;
    }
    if (keys.some((key) => key.kid === kid)) {
      ctx.addIssue({ code: "custom", message: `key id "${kid}" is listed twice` });
      return z.NEVER;
    }
    keys.push({ kid, secret });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: "custom", message: "at least one <kid>:<secret> key is required" });
    return z.NEVER;
  }
  return keys;
});

export const EnvSchema = z
  .object({
    DATABASE_URL: z.string({ error: "DATABASE_URL is required" }).min(1, "DATABASE_URL is required"),
    // Local development and tests only: host:port of the WebSocket→TCP proxy in front of plain Postgres.
    NEON_WS_PROXY: z.string().optional(),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
    SENTRY_DSN: z.string().optional(),
    ENVIRONMENT: z.enum(["production", "development", "test"]).default("production"),
    API_KEY_PREFIX: z.string().default("cal_"),
    AUTH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(60),
    // Verified API keys kept in the isolate (src/auth/verified-memory.ts); capped by AUTH_CACHE_TTL_SECONDS.
    AUTH_MEMORY_TTL_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
    RATE_LIMIT_API_KEY: positiveInt(120),
    RATE_LIMIT_ACCESS_TOKEN: positiveInt(500),
    RATE_LIMIT_OAUTH_CLIENT: positiveInt(500),
    RATE_LIMIT_IP: positiveInt(120),
    // Most tokens an isolate takes from Redis in one call (src/services/rate-limiter.ts); 1 = a Redis call per request.
    RATE_LIMIT_LEASE_MAX: positiveInt(50),
    MAX_BODY_BYTES: positiveInt(1024 * 1024),
    // Public booking site: event types' bookingUrl (<url>/<username>/<slug>) and private links (<url>/d/<link>/<slug>).
    WEBSITE_URL: z.url().default("https://cal.com"),
    // Platform access tokens (managed users); without it, tokens can be neither issued nor accepted.
    JWT_SIGNING_KEYS: SigningKeysSchema.optional(),
    // Cal.com web app's NextAuth secret; without it, session cookies are ignored.
    NEXTAUTH_SECRET: z.string().min(1).optional(),
    // Self-hosted license: must equal Deployment.licenseKey for API keys to work (not checked in development/test).
    CALCOM_LICENSE_KEY: z.string().min(1).optional(),
    // Webhooks: the Queue producer for lifecycle events and deliveries, and the dead-letter queue's name
    // (the queue handler recognises dead-lettered batches by it).
    WEBHOOK_QUEUE: z.custom<Queue<unknown>>(isQueueBinding, { error: "WEBHOOK_QUEUE (a Queue producer binding) is required" }),
    WEBHOOK_DEAD_LETTER_QUEUE: z.string().min(1).default("cal-webhooks-dlq"),
    WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
    WEBHOOK_RETRY_MAX_DELAY_SECONDS: positiveInt(600),
    WEBHOOK_DISABLE_AFTER_SECONDS: positiveInt(24 * 3600),
    WEBHOOK_DELIVERY_RETENTION_DAYS: positiveInt(30),
    // Test/development only: lets subscriber URLs point at loopback (a local receiver). Unset: true in
    // development (a local receiver is what a developer tests with), false otherwise.
    WEBHOOK_ALLOW_LOOPBACK: booleanFlag,
    // Opt-in: GET /health also reports the isolate's in-memory caches (sizes against their bounds), for soak runs.
    HEALTH_MEMORY_STATS: booleanFlag.transform((value) => value ?? false),
    // Cal.com's key for credential secrets (CalDAV/Apple/ICS keys, delegation and Stripe secrets): 32 latin1
    // characters, the same value as the Cal.com deployment whose database this serves (src/credentials/encryption.ts).
    CALENDSO_ENCRYPTION_KEY: z.string().length(32, "CALENDSO_ENCRYPTION_KEY must be exactly 32 characters").optional(),
    // Cal.com's separate key for delegation credentials' service account private keys (same cipher and format).
    CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY: z.string().length(32, "CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY must be exactly 32 characters").optional(),
    // Workflows (src/workflows/reminders, src/messaging): the queue reminders wait on (optional: without it the
    // cron sends due reminders itself), its name (the queue handler recognises its batches by it), and the providers.
    // Email: an HTTP mail API (EMAIL_API_URL, Bearer EMAIL_API_KEY) or Cloudflare's send_email binding (SEND_EMAIL);
    // SMS: Twilio's REST API. A provider left unset records the messages it would carry as NOT_SENT with the reason.
    WORKFLOW_QUEUE: z.custom<Queue<unknown>>(isQueueBinding, { error: "WORKFLOW_QUEUE must be a Queue producer binding" }).optional(),
    WORKFLOW_QUEUE_NAME: z.string().min(1).default("cal-workflows"),
    EMAIL_API_URL: z.url().optional(),
    EMAIL_API_KEY: z.string().min(1).optional(),
    EMAIL_FROM: z.string().min(3).optional(),
    SEND_EMAIL: z.custom<SendEmail>(isSendEmailBinding, { error: "SEND_EMAIL must be a send_email binding" }).optional(),
    TWILIO_SID: z.string().min(1).optional(),
    TWILIO_TOKEN: z.string().min(1).optional(),
    TWILIO_PHONE_NUMBER: z.string().min(1).optional(),
    TWILIO_API_URL: z.url().default("https://api.twilio.com"),
    MESSAGING_TIMEOUT_MS: positiveInt(10_000),
    // Verified resources (src/verified-resources/): phone codes through Twilio Verify (TWILIO_VERIFY_SID, with
    // TWILIO_SID/TWILIO_TOKEN), at TWILIO_VERIFY_API_URL; abuse limits per target address.
    TWILIO_VERIFY_SID: z.string().min(1).optional(),
    TWILIO_VERIFY_API_URL: z.url().default("https://verify.twilio.com"),
    VERIFICATION_CODE_REQUESTS_PER_TARGET: positiveInt(5),
    VERIFICATION_CODE_REQUESTS_WINDOW_SECONDS: positiveInt(3600),
    VERIFICATION_MAX_FAILED_ATTEMPTS: positiveInt(5),
    VERIFICATION_FAILED_ATTEMPTS_WINDOW_SECONDS: positiveInt(900),
    // Apple iCloud calendars are CalDAV at this URL (Cal.com hard-codes https://caldav.icloud.com); tests point it at Radicale.
    APPLE_CALDAV_URL: z.url().default("https://caldav.icloud.com"),
    // Conferencing (src/conferencing/): Cal Video is Daily's REST API (DAILY_API_KEY; without it Cal Video meetings are
    // not created), Zoom is an OAuth app (ZOOM_CLIENT_ID/SECRET; without them Zoom cannot be connected), MS Teams
    // likewise (MSTEAMS_CLIENT_ID/SECRET). Base URLs are settings so tests use local fakes.
    DAILY_API_URL: z.url().default("https://api.daily.co/v1"),
    DAILY_API_KEY: z.string().min(1).optional(),
    ZOOM_API_URL: z.url().default("https://api.zoom.us/v2"),
    ZOOM_OAUTH_URL: z.url().default("https://zoom.us"),
    ZOOM_CLIENT_ID: z.string().min(1).optional(),
    ZOOM_CLIENT_SECRET: z.string().min(1).optional(),
    MSTEAMS_OAUTH_URL: z.url().default("https://login.microsoftonline.com/common"),
    MSTEAMS_GRAPH_URL: z.url().default("https://graph.microsoft.com"),
    MSTEAMS_CLIENT_ID: z.string().min(1).optional(),
    MSTEAMS_CLIENT_SECRET: z.string().min(1).optional(),
    // Public base URL of this API (Cal.com's API_URL) for OAuth redirect URIs (<API_URL>/v2/conferencing/<app>/oauth/callback,
    // <API_URL>/v2/calendars/<calendar>/save); unset, the request's own origin.
    API_URL: z.url().optional(),
    VIDEO_TIMEOUT_MS: positiveInt(10_000),
    // Stripe Connect (src/stripe/): the platform's Connect client id (ca_…) and secret key (sk_…, Cal.com v2's
    // STRIPE_API_KEY), the OAuth host (authorize, token) and the REST API; without the client id and key Stripe
    // answers Cal.com's 404 "Stripe app not found". STRIPE_WEBHOOK_SECRET (whsec_…) verifies Stripe's webhook events.
    STRIPE_CLIENT_ID: z.string().min(1).optional(),
    STRIPE_API_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_CONNECT_URL: z.url().default("https://connect.stripe.com"),
    STRIPE_API_URL: z.url().default("https://api.stripe.com"),
    STRIPE_TIMEOUT_MS: positiveInt(10_000),
    // Google Calendar (src/calendars/providers/google.ts): the OAuth client as Cal.com names it (JSON
    // {"web":{"client_id","client_secret"}}; the google-calendar App's `keys` win when set), the Calendar API,
    // token and consent URLs (tests point them at test/support/google-fake.ts).
    GOOGLE_API_CREDENTIALS: z.string().min(1).optional(),
    GOOGLE_API_URL: z.url().default("https://www.googleapis.com"),
    GOOGLE_OAUTH_URL: z.url().default("https://oauth2.googleapis.com"),
    GOOGLE_AUTH_URL: z.url().default("https://accounts.google.com/o/oauth2/v2/auth"),
    // Office 365 calendars: the OAuth client as Cal.com names it (the office365-calendar App's `keys` win when set),
    // the Microsoft identity platform and Graph base URLs.
    MS_GRAPH_CLIENT_ID: z.string().min(1).optional(),
    MS_GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
    MICROSOFT_LOGIN_URL: z.url().default("https://login.microsoftonline.com"),
    MICROSOFT_GRAPH_URL: z.url().default("https://graph.microsoft.com"),
    // Change notifications (src/calendars/notifications/), Cal.com's names: the public base URL of this API that
    // Google / Microsoft post to (<url>/internal/calendar-notifications/{google,office365}) and the secret each
    // channel's token / clientState is derived from. Without both, no channel or subscription is made.
    GOOGLE_WEBHOOK_URL: z.url().optional(),
    GOOGLE_WEBHOOK_TOKEN: z.string().min(16).optional(),
    MICROSOFT_WEBHOOK_URL: z.url().optional(),
    MICROSOFT_WEBHOOK_TOKEN: z.string().min(16).optional(),
  })
  .refine((env) => Boolean(env.UPSTASH_REDIS_REST_URL) === Boolean(env.UPSTASH_REDIS_REST_TOKEN), {
    message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together",
    path: ["UPSTASH_REDIS_REST_TOKEN"],
  })
  .refine((env) => !env.WEBHOOK_ALLOW_LOOPBACK || env.ENVIRONMENT !== "production", {
    message: "WEBHOOK_ALLOW_LOOPBACK is refused unless ENVIRONMENT is test or development",
    path: ["WEBHOOK_ALLOW_LOOPBACK"],
  })
  .transform((env) => ({ ...env, WEBHOOK_ALLOW_LOOPBACK: env.WEBHOOK_ALLOW_LOOPBACK ?? env.ENVIRONMENT === "development" }));

export type Env = z.infer<typeof EnvSchema>;

export type Bindings = Record<string, unknown>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

// The bindings object is the same for every request of an isolate, so its parse result is immutable and cacheable.
const parsedEnvs = new WeakMap<object, EnvResult>();

export function readEnv(bindings: Bindings | undefined): EnvResult {
  const source = bindings ?? {};
  const cached = parsedEnvs.get(source);
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(source);
  const result: EnvResult = parsed.success
    ? { ok: true, env: parsed.data }
    : { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`) };
  parsedEnvs.set(source, result);
  return result;
}

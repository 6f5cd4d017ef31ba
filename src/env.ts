import { z } from "zod";

// Worker bindings and vars, validated once per isolate-env object at the entry.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
    RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
    RATE_LIMIT_API_KEY: positiveInt(120),
    RATE_LIMIT_ACCESS_TOKEN: positiveInt(500),
    RATE_LIMIT_OAUTH_CLIENT: positiveInt(500),
    RATE_LIMIT_IP: positiveInt(120),
    MAX_BODY_BYTES: positiveInt(1024 * 1024),
    // Public booking site: event types' bookingUrl (<url>/<username>/<slug>) and private links (<url>/d/<link>/<slug>).
    WEBSITE_URL: z.url().default("https://cal.com"),
  })
  .refine((env) => Boolean(env.UPSTASH_REDIS_REST_URL) === Boolean(env.UPSTASH_REDIS_REST_TOKEN), {
    message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together",
    path: ["UPSTASH_REDIS_REST_TOKEN"],
  });

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

import { neon, neonConfig, type NeonQueryFunction } from "@neondatabase/serverless";
import { PrismaNeon, PrismaNeonHttp } from "@prisma/adapter-neon";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Env } from "../env";

type DbEnv = Pick<Env, "DATABASE_URL" | "NEON_WS_PROXY">;

// Locally, scripts/lib/neon-local.ts stands in for Neon's edge endpoints (HTTP /sql and WebSocket), without TLS.
function configureLocalNeon(proxy: string) {
  neonConfig.fetchEndpoint = () => `http://${proxy}/sql`;
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

// Prisma batches findUnique calls made in the same tick into one query. On a client shared by concurrent
// requests that would resolve one request's promise from another request's context, which Workers cancel.
// findFirst with the same unique `where` is the same single-row lookup and is never batched.
function withoutCrossRequestBatching(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    name: "no-cross-request-batching",
    query: {
      $allModels: {
        findUnique({ model, args }) {
          const delegate = (client as unknown as Record<string, { findFirst(a: unknown): Promise<unknown> }>)[lowerFirst(model)]!;
          return delegate.findFirst(asFindFirstArgs(args)) as never;
        },
        findUniqueOrThrow({ model, args }) {
          const delegate = (client as unknown as Record<string, { findFirstOrThrow(a: unknown): Promise<unknown> }>)[lowerFirst(model)]!;
          return delegate.findFirstOrThrow(asFindFirstArgs(args)) as never;
        },
      },
    },
  });
  // The extension changes behaviour only, not the API.
  return extended as unknown as PrismaClient;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

// findUnique accepts compound keys (`userId_slug: {userId, slug}`) that findFirst does not: spread them.
function asFindFirstArgs(args: unknown): unknown {
  const { where, ...rest } = (args ?? {}) as { where?: Record<string, unknown> };
  if (!where) return args;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    const isCompound =
      value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) &&
      Object.keys(value).join("_") === key;
    if (isCompound) Object.assign(flat, value);
    else flat[key] = value;
  }
  return { ...rest, where: flat };
}

export type Db = PrismaClient;

// The HTTP client holds no sockets or per-request state (each query is its own fetch), so one per
// database URL serves every request of the isolate. Building it per request would re-instantiate Prisma's
// query compiler, ~5 ms of CPU each time.
const sharedHttpClients = new Map<string, Db>();

/**
 * Reads over Neon's HTTP endpoint: no connection setup per request, which is what keeps the hot paths
 * fast. The HTTP endpoint cannot run transactions, which Prisma uses for many writes, so callers get
 * `createRoutedDb` instead of this client.
 */
export function createHttpDb(env: DbEnv): Db {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  const shared = sharedHttpClients.get(env.DATABASE_URL);
  if (shared) return shared;
  const client = withoutCrossRequestBatching(
    new PrismaClient({ adapter: new PrismaNeonHttp(env.DATABASE_URL, { arrayMode: false, fullResults: false }) }),
  );
  // A new client finishes initialising (engine, query compiler, adapter) inside the request that first uses
  // it; a request awaiting that from another request's context would be cancelled by the runtime. So the
  // client stays private to its request until one of its queries has completed, and is shared after that.
  const share = () => {
    if (!sharedHttpClients.has(env.DATABASE_URL)) sharedHttpClients.set(env.DATABASE_URL, client);
  };
  const untilShared = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        const result = await query(args);
        share();
        return result;
      },
    },
  });
  return untilShared as unknown as Db;
}

export type HttpSql = NeonQueryFunction<false, false>;

/**
 * Neon's HTTP query function, for a few statements that must commit together in ONE round trip
 * (`sql.transaction([...])`, a non-interactive transaction), without opening a WebSocket session.
 * Stateless like the HTTP Prisma client, so safe to share.
 */
export function createHttpSql(env: DbEnv): HttpSql {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  let sql = sharedHttpSql.get(env.DATABASE_URL);
  if (!sql) sharedHttpSql.set(env.DATABASE_URL, (sql = neon(env.DATABASE_URL)));
  return sql;
}

const sharedHttpSql = new Map<string, HttpSql>();

/**
 * A WebSocket session for interactive transactions (`$transaction(async (tx) => …)`), opened on first use.
 * It belongs to one request, so Prisma's findUnique batching is harmless here (and rewriting it would
 * run the lookup outside the transaction).
 */
export function createTransactionalDb(env: DbEnv): Db {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return new PrismaClient({ adapter: new PrismaNeon({ connectionString: env.DATABASE_URL, max: 1 }) });
}

const WRITE_OPERATIONS = [
  "create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany",
] as const;

const MODEL_PROPERTIES = Object.values(Prisma.ModelName).map(lowerFirst);

type Delegates = Record<string, Record<string, (args: unknown) => unknown>>;

/**
 * One client for route code: model reads and raw queries go over HTTP; model writes and `$transaction`
 * go to the request's WebSocket session (opened on first write), where Prisma can wrap them in transactions.
 * Built by delegation (not a Proxy: Prisma's clients are Proxies whose invariants a wrapper cannot keep).
 */
export function createRoutedDb(http: Db, session: () => Db, onDisconnect: () => Promise<void> = async () => {}): Db {
  const routed = Object.create(http) as Record<string, unknown>;
  // Delegates are built on first use: reading a model property of Prisma's (extended) client is costly, and
  // building all of them for every request was most of the CPU time of requests that use one or none
  // (GET /v2/slots uses only $queryRaw).
  for (const model of MODEL_PROPERTIES) {
    Object.defineProperty(routed, model, {
      configurable: true,
      enumerable: true,
      get() {
        const reads = (http as unknown as Delegates)[model]!;
        const delegate = Object.create(reads) as Record<string, unknown>;
        for (const operation of WRITE_OPERATIONS) {
          delegate[operation] = (args: unknown) => (session() as unknown as Delegates)[model]![operation]!(args);
        }
        Object.defineProperty(routed, model, { value: delegate, configurable: true, enumerable: true });
        return delegate;
      },
    });
  }
  routed.$transaction = (...args: unknown[]) => (session().$transaction as (...a: unknown[]) => unknown)(...args);
  routed.$disconnect = onDisconnect;
  return routed as unknown as Db;
}

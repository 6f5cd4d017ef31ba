import { neon, neonConfig, type NeonQueryFunction } from "@neondatabase/serverless";
import { PrismaNeon, PrismaNeonHttp } from "@prisma/adapter-neon";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Env } from "../env";

export type Db = PrismaClient;
type DbEnv = Pick<Env, "DATABASE_URL" | "NEON_WS_PROXY">;

// Locally, scripts/lib/neon-local.ts stands in for Neon's edge endpoints (HTTP /sql and WebSocket), without TLS.
function configureLocalNeon(proxy: string) {
  neonConfig.fetchEndpoint = () => `http://${proxy}/sql`;
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

/** Prisma client over Neon's HTTP endpoint: no connection setup, but no transactions either. */
export function createHttpDb(env: DbEnv): Db {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return new PrismaClient({ adapter: new PrismaNeonHttp(env.DATABASE_URL, { arrayMode: false, fullResults: false }) });
}

/** A WebSocket session for interactive transactions (`$transaction(async (tx) => …)`), opened on first use. */
export function createTransactionalDb(env: DbEnv): Db {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return new PrismaClient({ adapter: new PrismaNeon({ connectionString: env.DATABASE_URL, max: 1 }) });
}

/** Neon's stateless HTTP query function: each query is one fetch, no Prisma engine involved. */
export function createSql(env: DbEnv): NeonQueryFunction<false, false> {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return neon(env.DATABASE_URL);
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const WRITE_OPERATIONS = [
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
] as const;

const MODEL_PROPERTIES = Object.values(Prisma.ModelName).map(lowerFirst);

type Delegates = Record<string, Record<string, (args: unknown) => unknown>>;

/** `$queryRaw` as a tagged template or with a `Prisma.sql` object. */
function toSql(first: unknown, values: unknown[]): Prisma.Sql {
  if (first instanceof Prisma.Sql) return first;
  return Prisma.sql(first as TemplateStringsArray, ...(values as Prisma.Sql[]));
}

export interface RoutedDbParts {
  /** Prisma over HTTP, for model reads; built on first use. */
  reads: () => Db;
  /** The request's WebSocket session, for writes and transactions; opened on first use. */
  session: () => Db;
  /** Raw queries, straight over Neon HTTP. */
  sql: NeonQueryFunction<false, false>;
  onDisconnect?: () => Promise<void>;
}

/**
 * One client for route code, built per request:
 * - `$queryRaw` runs straight over Neon's HTTP endpoint (hot paths: no Prisma engine, no connection setup);
 * - model reads use a Prisma client over HTTP, created only if the request makes one;
 * - model writes, `$executeRaw` and `$transaction` use the request's WebSocket session, where Prisma can wrap
 *   writes in transactions (the HTTP endpoint cannot).
 * Nothing is shared between requests: Prisma clients hold promises that Workers refuse to settle across
 * requests.
 */
class RoutedDb {
  constructor(readonly parts: RoutedDbParts) {}

  $queryRaw(first: unknown, ...values: unknown[]) {
    const query = toSql(first, values);
    return this.parts.sql.query(query.text, query.values);
  }
  $queryRawUnsafe(text: string, ...values: unknown[]) {
    return this.parts.sql.query(text, values);
  }
  $executeRaw(...args: unknown[]) {
    return (this.parts.session().$executeRaw as (...a: unknown[]) => unknown)(...args);
  }
  $executeRawUnsafe(...args: unknown[]) {
    return (this.parts.session().$executeRawUnsafe as (...a: unknown[]) => unknown)(...args);
  }
  $transaction(...args: unknown[]) {
    return (this.parts.session().$transaction as (...a: unknown[]) => unknown)(...args);
  }
  async $connect() {}
  $disconnect() {
    return this.parts.onDisconnect ? this.parts.onDisconnect() : Promise.resolve();
  }
}

// Model delegates are getters on the prototype, defined once: each builds its delegate on first use in a
// request (creating one is costly and a request touches few models) and keeps it on that request's client.
for (const model of MODEL_PROPERTIES) {
  Object.defineProperty(RoutedDb.prototype, model, {
    configurable: true,
    get(this: RoutedDb) {
      const { parts } = this;
      const delegate = Object.create((parts.reads() as unknown as Delegates)[model]!) as Record<string, unknown>;
      for (const operation of WRITE_OPERATIONS) {
        delegate[operation] = (args: unknown) => (parts.session() as unknown as Delegates)[model]![operation]!(args);
      }
      Object.defineProperty(this, model, { value: delegate });
      return delegate;
    },
  });
}

export function createRoutedDb(parts: RoutedDbParts): Db {
  return new RoutedDb(parts) as unknown as Db;
}

export type HttpSql = NeonQueryFunction<false, false>;

/**
 * Neon's HTTP query function, for statements that must commit together in ONE round trip
 * (`sql.transaction([...])`, a non-interactive transaction) without opening a WebSocket session.
 */
export const createHttpSql: (env: DbEnv) => HttpSql = createSql;

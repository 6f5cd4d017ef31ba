import { type NeonQueryFunction, neon, neonConfig } from "@neondatabase/serverless";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Env } from "../env";
import { lendReadClient, lendSessionClient, type Loan } from "./prisma-clients";

// The three database handles a request has, and which to use (README "Database path"):
// - `sql` (HttpSql): one-shot raw SQL over Neon's HTTP endpoint; no Prisma, no connection. Hot reads, and
//   `sql.transaction([...])` for statements that must commit together in one round trip.
// - `db` (Db): Prisma model reads (over HTTP) and single writes (routed to the session); `$queryRaw` also goes
//   over HTTP. The default for CRUD.
// - `txDb` (TxDb): the request's WebSocket session, every statement on one connection: interactive
//   transactions (`txDb.$transaction(async (tx) => …)`) and anything that takes a lock.
// Code that may run inside a transaction takes a `Queryable` (a `Db`, a `TxDb` or a transaction's `tx`).

type ModelProperty = Uncapitalize<Prisma.ModelName>;
type RawQueries = "$queryRaw" | "$queryRawUnsafe" | "$executeRaw" | "$executeRawUnsafe";

/** Model delegates and raw queries: what a transaction's client (`tx`) offers too. */
export type Queryable = Pick<PrismaClient, ModelProperty | RawQueries>;
/** The request's routed client: model reads over HTTP, model writes and `$transaction` on the session. */
export type Db = Queryable & Pick<PrismaClient, "$transaction">;
/** The request's WebSocket session: a real Prisma client over one connection. */
export type TxDb = PrismaClient;
/** A transaction's client inside `txDb.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
/** Neon's stateless HTTP query function: each query is one fetch. */
export type HttpSql = NeonQueryFunction<false, false>;
type DbEnv = Pick<Env, "DATABASE_URL" | "NEON_WS_PROXY">;

// Locally, scripts/lib/neon-local.ts stands in for Neon's edge endpoints (HTTP /sql and WebSocket), without TLS.
function configureLocalNeon(proxy: string) {
  neonConfig.fetchEndpoint = () => `http://${proxy}/sql`;
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

/** Prisma client over Neon's HTTP endpoint (no transactions), lent from the isolate's shelf (prisma-clients.ts). */
export function lendHttpDb(env: DbEnv): Loan<PrismaClient> {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return lendReadClient(env);
}

/** A WebSocket session for interactive transactions (`$transaction(async (tx) => …)`), opened on first use. */
export function lendTransactionalDb(env: DbEnv): Loan<TxDb> {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return lendSessionClient(env);
}

/** Neon's stateless HTTP query function: each query is one fetch, no Prisma engine involved. */
export function createSql(env: DbEnv): HttpSql {
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
// Prisma's delegates looked up by model name (the loop below goes over every model).
const delegatesOf = (client: PrismaClient) => client as unknown as Delegates;

/** `$queryRaw` as a tagged template or with a `Prisma.sql` object. */
function toSql(first: unknown, values: unknown[]): Prisma.Sql {
  if (first instanceof Prisma.Sql) return first;
  return Prisma.sql(first as TemplateStringsArray, ...(values as Prisma.Sql[]));
}

export interface RoutedDbParts {
  /** Prisma over HTTP, for model reads; built on first use. */
  reads: () => PrismaClient;
  /** The request's WebSocket session, for writes and transactions; opened on first use. */
  session: () => TxDb;
  /** Raw queries, straight over Neon HTTP. */
  sql: HttpSql;
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
// The model delegates are defined on the prototype below; this declaration tells TypeScript they are there.
interface RoutedDb extends Pick<PrismaClient, ModelProperty> {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the prototype's delegates.
class RoutedDb {
  constructor(readonly parts: RoutedDbParts) {}

  // Raw reads return a plain Promise, not a PrismaPromise: they cannot join a `$transaction([...])` batch, which
  // would run on the session anyway. The signatures are Prisma's so callers are typed as with a PrismaClient.
  $queryRaw = ((first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const query = toSql(first, values);
    return this.parts.sql.query(query.text, query.values);
  }) as PrismaClient["$queryRaw"];
  $queryRawUnsafe = ((text: string, ...values: unknown[]) => this.parts.sql.query(text, values)) as PrismaClient["$queryRawUnsafe"];
  $executeRaw: PrismaClient["$executeRaw"] = (query, ...values) => this.parts.session().$executeRaw(query, ...values);
  $executeRawUnsafe: PrismaClient["$executeRawUnsafe"] = (query, ...values) => this.parts.session().$executeRawUnsafe(query, ...values);
  $transaction: PrismaClient["$transaction"] = ((...args: Parameters<PrismaClient["$transaction"]>) =>
    (this.parts.session().$transaction as (...a: typeof args) => unknown)(...args)) as PrismaClient["$transaction"];
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
      const delegate = Object.create(delegatesOf(parts.reads())[model]!) as Record<string, unknown>;
      for (const operation of WRITE_OPERATIONS) {
        delegate[operation] = (args: unknown) => delegatesOf(parts.session())[model]![operation]!(args);
      }
      Object.defineProperty(this, model, { value: delegate });
      return delegate;
    },
  });
}

export function createRoutedDb(parts: RoutedDbParts): Db & { $disconnect(): Promise<void> } {
  return new RoutedDb(parts);
}

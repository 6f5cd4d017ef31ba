import { neonConfig } from "@neondatabase/serverless";
import { PrismaNeon, PrismaNeonHttp } from "@prisma/adapter-neon";
import { PrismaClient } from "../generated/prisma/client";
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
function withoutCrossRequestBatching(client: PrismaClient) {
  return client.$extends({
    name: "no-cross-request-batching",
    query: {
      $allModels: {
        findUnique({ model, args }) {
          const delegate = (client as unknown as Record<string, { findFirst(a: unknown): Promise<unknown> }>)[lowerFirst(model)]!;
          return delegate.findFirst(args) as never;
        },
        findUniqueOrThrow({ model, args }) {
          const delegate = (client as unknown as Record<string, { findFirstOrThrow(a: unknown): Promise<unknown> }>)[lowerFirst(model)]!;
          return delegate.findFirstOrThrow(args) as never;
        },
      },
    },
  });
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export type Db = ReturnType<typeof withoutCrossRequestBatching>;

// The HTTP client holds no sockets or per-request state (each query is its own fetch), so one per
// database URL serves every request of the isolate. Building it per request would re-instantiate Prisma's
// query compiler, ~5 ms of CPU each time.
const httpClients = new Map<string, Db>();

/**
 * One-shot queries over Neon's HTTP endpoint: no connection setup per request, which is what keeps the
 * hot paths fast. It cannot run interactive transactions (nor Prisma writes that need one): use
 * `createTransactionalDb` for those.
 */
export function createDb(env: DbEnv): Db {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  let client = httpClients.get(env.DATABASE_URL);
  if (!client) {
    client = withoutCrossRequestBatching(
      new PrismaClient({ adapter: new PrismaNeonHttp(env.DATABASE_URL, { arrayMode: false, fullResults: false }) }),
    );
    httpClients.set(env.DATABASE_URL, client);
  }
  return client;
}

/** A WebSocket session for interactive transactions (`$transaction(async (tx) => …)`), opened on first use. */
export function createTransactionalDb(env: DbEnv): Db {
  if (env.NEON_WS_PROXY) configureLocalNeon(env.NEON_WS_PROXY);
  return withoutCrossRequestBatching(new PrismaClient({ adapter: new PrismaNeon({ connectionString: env.DATABASE_URL, max: 1 }) }));
}

import { neonConfig } from "@neondatabase/serverless";
import { PrismaNeon } from "@prisma/adapter-neon";
import { PrismaClient } from "../generated/prisma/client";
import type { Env } from "../env";

export type Db = PrismaClient;

// Locally the Neon driver talks to plain Postgres through our WebSocket→TCP proxy, without TLS.
function configureLocalProxy(proxy: string) {
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

// A client per request: Workers cannot share sockets between requests.
export function createDb(env: Pick<Env, "DATABASE_URL" | "NEON_WS_PROXY">): Db {
  if (env.NEON_WS_PROXY) configureLocalProxy(env.NEON_WS_PROXY);
  return new PrismaClient({ adapter: new PrismaNeon({ connectionString: env.DATABASE_URL, max: 1 }) });
}

import { PrismaNeon, PrismaNeonHttp } from "@prisma/adapter-neon";
import { PrismaClient } from "../generated/prisma/client";

// Prisma clients outlive the request that built them: each is kept in the isolate and lent to one request at a
// time. Building one per request cost more than a booking's SQL (bench/profile.ts bookings: ~60% of the Worker's
// CPU, 125 → 15 ms per booking): the constructor decoded Prisma's schema graph (~340 kB of base64 into ~9 MB of
// objects; scripts/patch-prisma-runtime.mjs now decodes it once per isolate), connecting parsed the data model in
// the query compiler's wasm (the same patch now builds one compiler per isolate), and every statement was compiled again because the plan cache lived and died with
// the client.
//
// Lending, not sharing: a Worker must not use one request's I/O objects (a socket) from another, so a client is
// only ever in one request's hands. A session client's WebSocket is the request's own: the client keeps its
// engine (compiler, plan cache) and gets a new connection per loan (LendableSession below); the HTTP client holds
// no I/O object at all (each query is a fetch made by the caller).

type NeonAdapter = Awaited<ReturnType<PrismaNeon["connect"]>>;

/**
 * The adapter a kept session client is connected with: it forwards to a Neon WebSocket pool made for the current
 * loan, opened on first use and ended when the loan ends. Prisma's engine stays connected to this object.
 */
class LendableSession {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-neon";
  #current: Promise<NeonAdapter> | undefined;

  constructor(private readonly factory: PrismaNeon) {}

  #adapter(): Promise<NeonAdapter> {
    this.#current ??= this.factory.connect();
    return this.#current;
  }
  async queryRaw(query: Parameters<NeonAdapter["queryRaw"]>[0]) {
    return (await this.#adapter()).queryRaw(query);
  }
  async executeRaw(query: Parameters<NeonAdapter["executeRaw"]>[0]) {
    return (await this.#adapter()).executeRaw(query);
  }
  async executeScript(script: string) {
    return (await this.#adapter()).executeScript(script);
  }
  async startTransaction(isolationLevel?: Parameters<NeonAdapter["startTransaction"]>[0]) {
    return (await this.#adapter()).startTransaction(isolationLevel);
  }
  // What PrismaNeon's adapter answers (read once, when the engine connects).
  getConnectionInfo() {
    return { supportsRelationJoins: true };
  }
  /** Prisma's $disconnect: ends the loan's connection. */
  dispose() {
    return this.endLoan();
  }
  /** Ends the current loan's connection (the pool's socket); the next query opens a new one. */
  async endLoan(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (current) await (await current).dispose();
  }
}

interface DbEnv {
  DATABASE_URL: string;
}

export interface Loan<T> {
  readonly client: T;
  /** Gives the client back once the request is done with it (after the response). */
  giveBack(): Promise<void>;
}

// Enough for the concurrency one isolate usually sees; clients beyond it are dropped when given back (each holds its
// plan cache; the query compiler is the isolate's, shared), and Workers give an isolate 128 MB.
const SHELF_SIZE = 16;
const transactionMaxWaitMs = 10_000;

const readShelves = new Map<string, PrismaClient[]>();
const sessionShelves = new Map<string, { client: PrismaClient; session: LendableSession }[]>();

const shelfOf = <T>(shelves: Map<string, T[]>, key: string): T[] => {
  const existing = shelves.get(key);
  if (existing) return existing;
  const shelf: T[] = [];
  shelves.set(key, shelf);
  return shelf;
};

/** A Prisma client over Neon's HTTP endpoint, from the isolate's shelf or new. */
export function lendReadClient(env: DbEnv): Loan<PrismaClient> {
  const shelf = shelfOf(readShelves, env.DATABASE_URL);
  const client = shelf.pop() ?? new PrismaClient({ adapter: new PrismaNeonHttp(env.DATABASE_URL, { arrayMode: false, fullResults: false }) });
  return {
    client,
    async giveBack() {
      if (shelf.length < SHELF_SIZE) shelf.push(client);
    },
  };
}

/** A Prisma client over a WebSocket session of its own for this loan (interactive transactions, locks). */
export function lendSessionClient(env: DbEnv): Loan<PrismaClient> {
  const shelf = shelfOf(sessionShelves, env.DATABASE_URL);
  const kept = shelf.pop();
  const entry =
    kept ??
    (() => {
      const session = new LendableSession(new PrismaNeon({ connectionString: env.DATABASE_URL, max: 1 }));
      // maxWait covers opening the session (Prisma's default, 2 s, was crossed on a loaded 2-core CI machine and
      // answered the request an error); calls that pass their own options keep them.
      const client = new PrismaClient({
        adapter: { provider: "postgres", adapterName: session.adapterName, connect: async () => session },
        transactionOptions: { maxWait: transactionMaxWaitMs },
      });
      return { client, session };
    })();
  return {
    client: entry.client,
    async giveBack() {
      try {
        await entry.session.endLoan();
      } catch {
        // A connection that did not close cleanly: the client is not kept (its engine may hold the failed state).
        return;
      }
      if (shelf.length < SHELF_SIZE) shelf.push(entry);
    },
  };
}

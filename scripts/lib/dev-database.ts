// Which Postgres `npm run dev` and the Booker run (e2e/booker) use, in this order:
// 1. DATABASE_URL, when set;
// 2. a Postgres answering at DEV_POSTGRES_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), in a
//    database of its own (created when missing);
// 3. the embedded one (Prisma's PGlite dev server), which needs nothing installed.
// The embedded server is last because it runs every connection on one PGlite backend and queues messages, not
// transactions: two requests in flight interleave their extended-protocol messages, and one of them fails ("bind
// message supplies 1 parameters, but prepared statement "" requires 0", or "Connection terminated unexpectedly"),
// which the API answers with a 503. The atoms fire several requests at once, so the Booker run hit it at random.
// DEV_DATABASE=embedded forces the embedded server.
import pg from "pg";

export interface DevDatabase {
  url: string;
  kind: "DATABASE_URL" | "local Postgres" | "embedded";
  close: () => Promise<unknown>;
}

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export async function devDatabase(options: {
  /** The database's name on a local Postgres (created when missing) and the embedded server's name. */
  name: string;
  /** Drop the database on close (a throwaway run's). */
  dropOnClose?: boolean;
  embedded: () => Promise<{ url: string; close: () => Promise<unknown> }>;
}): Promise<DevDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, kind: "DATABASE_URL", close: async () => {} };
  if (process.env.DEV_DATABASE !== "embedded") {
    const local = await localPostgres(process.env.DEV_POSTGRES_ADMIN_URL ?? DEFAULT_ADMIN_URL, options);
    if (local) return local;
  }
  return { ...(await options.embedded()), kind: "embedded" };
}

async function localPostgres(adminUrl: string, options: { name: string; dropOnClose?: boolean }): Promise<DevDatabase | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
  try {
    await admin.connect();
  } catch {
    return undefined; // nothing answers there: the embedded server it is
  }
  const database = options.name.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const close = async () => {
    if (!options.dropOnClose) return;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  return { url: url.toString(), kind: "local Postgres", close };
}

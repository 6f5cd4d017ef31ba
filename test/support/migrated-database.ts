// A fresh database built by our migrations, for unit tests that inspect what the migrations make (the drift test,
// query plans): created anew (an earlier run's leftover dropped), connected, and dropped again by `drop()`.
import pg from "pg";
import { applyMigrations } from "../../scripts/lib/migrate.ts";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function asAdmin(statement: string) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export interface MigratedDatabase {
  url: string;
  client: pg.Client;
  drop(): Promise<void>;
}

/** `calapi_<label>_<TEST_DB_LABEL>_<pid>`, migrated, with a connected client. */
export async function createMigratedDatabase(label: string): Promise<MigratedDatabase> {
  const name = `calapi_${label}_${process.env.TEST_DB_LABEL ?? "test"}_${process.pid}`;
  await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await asAdmin(`CREATE DATABASE "${name}"`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    async drop() {
      await client.end();
      await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

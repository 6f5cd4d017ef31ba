import { env } from "cloudflare:workers";
import { generateApiKey } from "../../src/auth/api-keys";
import { createHttpDb, createRoutedDb, createSql, createTransactionalDb, type Db, type TxDb } from "../../src/services/db";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The same database access the app gets; `$disconnect()` closes what it opened. */
export type TestDb = Db & { $disconnect(): Promise<void> };

export function testDb(): TestDb {
  const bindings = env as unknown as { DATABASE_URL: string; NEON_WS_PROXY?: string };
  let reads: TxDb | undefined;
  let session: TxDb | undefined;
  return createRoutedDb({
    reads: () => (reads ??= createHttpDb(bindings)),
    session: () => (session ??= createTransactionalDb(bindings)),
    sql: createSql(bindings),
    onDisconnect: async () => {
      await Promise.all([reads?.$disconnect(), session?.$disconnect()]);
    },
  });
}

export interface Tenant {
  userId: number;
  email: string;
  username: string;
  apiKey: string;
  apiKeyId: string;
}

/** A user with an API key, written straight to the test database. */
export async function createTenant(options: { expiresAt?: Date | null; timeZone?: string } = {}): Promise<Tenant> {
  const db = testDb();
  try {
    const id = unique();
    const user = await db.user.create({
      data: { email: `user-${id}@example.com`, username: `user-${id}`, name: `User ${id}`, timeZone: options.timeZone ?? "Europe/London" },
    });
    const { plain, hashedKey } = await generateApiKey("cal_");
    const key = await db.apiKey.create({ data: { userId: user.id, hashedKey, expiresAt: options.expiresAt ?? null } });
    return { userId: user.id, email: user.email, username: user.username!, apiKey: plain, apiKeyId: key.id };
  } finally {
    await db.$disconnect();
  }
}

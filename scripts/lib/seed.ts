import pg from "pg";
import { generateApiKey } from "../../src/auth/api-keys.ts";

export interface SeededTenant {
  userId: number;
  email: string;
  apiKey: string;
}

/** Creates (or reuses, by email) a user and always mints a fresh API key for it. */
export async function seedUserWithApiKey(
  connectionString: string,
  options: { email?: string; username?: string; name?: string; timeZone?: string; apiKeyPrefix?: string } = {},
): Promise<SeededTenant> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = options.email ?? `user-${suffix}@example.com`;
  const username =
    options.username ??
    email
      .split("@")[0]!
      .replace(/[^a-z0-9-]/gi, "-")
      .toLowerCase();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "users" (email, username, name, "timeZone") VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [email, username, options.name ?? username, options.timeZone ?? "Europe/London"],
    );
    const userId = rows[0]!.id;
    const { plain, hashedKey } = await generateApiKey(options.apiKeyPrefix ?? "cal_");
    await client.query(`INSERT INTO "ApiKey" (id, "userId", "hashedKey", note) VALUES (gen_random_uuid()::text, $1, $2, 'seed')`, [userId, hashedKey]);
    return { userId, email, apiKey: plain };
  } finally {
    await client.end();
  }
}

// Seeds a platform organization, an OAuth client and one managed user with a live token family, straight in
// the database (no HTTP), and mints that user's access token with the configured signing keys. For the bench
// (an access-token `GET /v2/me`) and for manual testing; the Worker must run with the same JWT_SIGNING_KEYS.
import pg from "pg";
import { sha256Hex } from "../../src/crypto.ts";
import { SigningKeysSchema } from "../../src/env.ts";
import { generateOAuthClientId, generateOAuthClientSecret } from "../../src/platform/oauth-clients.ts";
import { PERMISSION_NAMES, permissionsToBits } from "../../src/platform/permissions.ts";
import { generateRefreshToken, refreshTokenExpiry, signAccessToken } from "../../src/platform/tokens.ts";

export interface SeededManagedUser {
  organizationId: number;
  clientId: string;
  clientSecret: string;
  userId: number;
  email: string;
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
}

/** `signingKeys` is a JWT_SIGNING_KEYS value ("kid:secret,…"); the first key signs. */
export async function seedManagedUserWithAccessToken(
  connectionString: string,
  options: { signingKeys: string; redirectUris?: string[] },
): Promise<SeededManagedUser> {
  const keys = SigningKeysSchema.parse(options.signingKeys);
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const clientId = generateOAuthClientId();
  const clientSecret = generateOAuthClientSecret();
  const email = `bench-${suffix}+${clientId}@example.com`;
  const refreshToken = generateRefreshToken();
  const familyId = crypto.randomUUID();

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    const {
      rows: [team],
    } = await client.query<{ id: number }>(`INSERT INTO "Team" (name, slug, "isOrganization", "isPlatform") VALUES ($1, $2, true, true) RETURNING id`, [
      `Bench platform ${suffix}`,
      `bench-platform-${suffix}`,
    ]);
    const organizationId = team!.id;
    const {
      rows: [owner],
    } = await client.query<{ id: number }>(`INSERT INTO "users" (email, username, name, "organizationId") VALUES ($1, $2, 'Bench owner', $3) RETURNING id`, [
      `bench-owner-${suffix}@example.com`,
      `bench-owner-${suffix}`,
      organizationId,
    ]);
    await client.query(`INSERT INTO "Membership" ("teamId", "userId", accepted, role) VALUES ($1, $2, true, 'OWNER')`, [organizationId, owner!.id]);
    await client.query(
      `INSERT INTO "PlatformOAuthClient" (id, name, "hashedSecret", permissions, "redirectUris", "organizationId")
       VALUES ($1, 'Bench client', $2, $3, $4, $5)`,
      [clientId, await sha256Hex(clientSecret), permissionsToBits(PERMISSION_NAMES), options.redirectUris ?? [], organizationId],
    );
    const {
      rows: [user],
    } = await client.query<{ id: number }>(
      `INSERT INTO "users" (email, username, name, "organizationId", "isPlatformManaged", locale)
       VALUES ($1, $2, 'Bench managed user', $3, true, 'en') RETURNING id`,
      [email, `bench-${suffix}-${clientId}-example`, organizationId],
    );
    const userId = user!.id;
    await client.query(`INSERT INTO "_PlatformOAuthClientToUser" ("A", "B") VALUES ($1, $2)`, [clientId, userId]);
    await client.query(`INSERT INTO "Membership" ("teamId", "userId", accepted, role) VALUES ($1, $2, true, 'MEMBER')`, [organizationId, userId]);
    await client.query(`INSERT INTO "RefreshToken" ("hashedSecret", "expiresAt", "platformOAuthClientId", "userId", "familyId") VALUES ($1, $2, $3, $4, $5)`, [
      await sha256Hex(refreshToken),
      refreshTokenExpiry(),
      clientId,
      userId,
      familyId,
    ]);
    await client.query("COMMIT");

    const access = await signAccessToken(keys, { clientId, ownerId: userId, familyId });
    return {
      organizationId,
      clientId,
      clientSecret,
      userId,
      email,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.getTime(),
      refreshToken,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Records the self-hosted license key in the Deployment row (id 1); the Worker's CALCOM_LICENSE_KEY must equal it. */
export async function seedLicense(connectionString: string, licenseKey: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Deployment" (id, "licenseKey") VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET "licenseKey" = EXCLUDED."licenseKey"`, [
      licenseKey,
    ]);
  } finally {
    await client.end();
  }
}

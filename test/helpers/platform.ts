import { env } from "cloudflare:workers";
import { EncryptJWT } from "jose";
import { generateApiKey } from "../../src/auth/api-keys";
import { readEnv, type SigningKey } from "../../src/env";
import type { MembershipRole } from "../../src/generated/prisma/client";
import { api, type ApiResult } from "./api";
import { fetchWithEnv } from "./app";
import { testDb } from "./tenants";

// Platform fixtures: organizations with members (written to the database, as Cal.com's dashboard would),
// then OAuth clients and managed users created through the API itself.

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface Member {
  userId: number;
  email: string;
  apiKey: string;
}

export interface PlatformOrganization {
  organizationId: number;
  owner: Member;
  /** Adds a user to the organization (accepted unless said otherwise) with an API key. */
  addMember(role: MembershipRole, options?: { accepted?: boolean }): Promise<Member>;
}

async function createMember(organizationId: number | null, role: MembershipRole | null, accepted = true): Promise<Member> {
  const db = testDb();
  try {
    const id = unique();
    const user = await db.user.create({
      data: {
        email: `member-${id}@example.com`,
        username: `member-${id}`,
        name: `Member ${id}`,
        organizationId,
      },
    });
    // Separate writes: the test client speaks Neon's HTTP protocol, which has no transactions for nested writes.
    if (organizationId !== null && role) await db.membership.create({ data: { teamId: organizationId, userId: user.id, role, accepted } });
    const { plain, hashedKey } = await generateApiKey("cal_");
    await db.apiKey.create({ data: { userId: user.id, hashedKey } });
    return { userId: user.id, email: user.email, apiKey: plain };
  } finally {
    await db.$disconnect();
  }
}

/** A platform organization (isOrganization + isPlatform Team) with an accepted OWNER holding an API key. */
export async function createPlatformOrganization(options: { isPlatform?: boolean } = {}): Promise<PlatformOrganization> {
  const db = testDb();
  let organizationId: number;
  try {
    const id = unique();
    const team = await db.team.create({
      data: { name: `Platform ${id}`, slug: `platform-${id}`, isOrganization: true, isPlatform: options.isPlatform ?? true },
    });
    organizationId = team.id;
  } finally {
    await db.$disconnect();
  }
  return {
    organizationId,
    owner: await createMember(organizationId, "OWNER"),
    addMember: (role, memberOptions = {}) => createMember(organizationId, role, memberOptions.accepted ?? true),
  };
}

/** A user outside any organization, with an API key. */
export const createLoneUser = () => createMember(null, null);

export interface CreatedClient {
  clientId: string;
  secret: string;
  /** Headers authenticating as this client on routes without `:clientId` in the path. */
  headers: Record<string, string>;
}

export async function createOAuthClient(
  adminApiKey: string,
  input: { permissions?: string[]; redirectUris?: string[]; name?: string } = {},
): Promise<CreatedClient> {
  const res = await api("/v2/oauth-clients", {
    key: adminApiKey,
    body: {
      name: input.name ?? `Client ${unique()}`,
      redirectUris: input.redirectUris ?? ["https://app.example.com"],
      permissions: input.permissions ?? ["*"],
    },
  });
  if (res.status !== 201) throw new Error(`creating an OAuth client failed: ${res.status} ${res.text}`);
  const { clientId, clientSecret } = res.body.data;
  return { clientId, secret: clientSecret, headers: { "x-cal-client-id": clientId, "x-cal-secret-key": clientSecret } };
}

export interface CreatedManagedUser {
  id: number;
  email: string;
  accessToken: string;
  refreshToken: string;
  response: ApiResult;
}

export async function createManagedUser(client: CreatedClient, input: Record<string, unknown> = {}): Promise<CreatedManagedUser> {
  const res = await api(`/v2/oauth-clients/${client.clientId}/users`, {
    headers: { "x-cal-secret-key": client.secret },
    body: { email: `alice-${unique()}@example.com`, name: "Alice", ...input },
  });
  if (res.status !== 201) throw new Error(`creating a managed user failed: ${res.status} ${res.text}`);
  const { user, accessToken, refreshToken } = res.body.data;
  return { id: user.id, email: user.email, accessToken, refreshToken, response: res };
}

export interface PlatformSetup {
  org: PlatformOrganization;
  client: CreatedClient;
  user: CreatedManagedUser;
}

/** A platform organization with one OAuth client and one managed user of it: where most platform tests start. */
export async function createPlatformSetup(
  clientInput: Parameters<typeof createOAuthClient>[1] = {},
  userInput: Record<string, unknown> = {},
): Promise<PlatformSetup> {
  const org = await createPlatformOrganization();
  const client = await createOAuthClient(org.owner.apiKey, clientInput);
  return { org, client, user: await createManagedUser(client, userInput) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The signing keys the test Worker is configured with (vitest.config.ts): [current, previous]. */
export function testSigningKeys(): SigningKey[] {
  const parsed = readEnv(env as unknown as Record<string, unknown>);
  if (!parsed.ok || !parsed.env.JWT_SIGNING_KEYS) throw new Error("test bindings lack JWT_SIGNING_KEYS");
  return parsed.env.JWT_SIGNING_KEYS;
}

/**
 * A NextAuth v4 session cookie value, made as next-auth/jwt's encode() makes it: a JWE (dir + A256GCM) with the
 * key HKDF-SHA256(secret, salt "", info "NextAuth.js Generated Encryption Key", 32 bytes).
 */
export async function nextAuthSessionToken(claims: Record<string, unknown>, options: { secret?: string; expiresInSeconds?: number } = {}): Promise<string> {
  const secret = options.secret ?? (env as unknown as { NEXTAUTH_SECRET: string }).NEXTAUTH_SECRET;
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveBits"]);
  const key = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode("NextAuth.js Generated Encryption Key") },
      material,
      256,
    ),
  );
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 30 * 86_400))
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/** A GET through the Worker's app with some bindings replaced (test/helpers/app.ts). */
export function getWithBindings(overrides: Record<string, string | undefined>, path: string, headers: Record<string, string> = {}) {
  return fetchWithEnv(new Request(`http://api.test${path}`, { headers }), overrides);
}

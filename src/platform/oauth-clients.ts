import type { Context } from "hono";
import { deleteCached, readCached, writeCached } from "../auth/cache";
import type { AppEnv } from "../context";
import { randomBase64Url, sha256Hex } from "../crypto";
import type { Deps } from "../services";

/** What authentication needs to know about an OAuth client, cached in Redis under its id. */
export interface OAuthClientAuthRecord {
  id: string;
  hashedSecret: string;
  organizationId: number;
  permissions: number;
  redirectUris: string[];
  /** The platform organization's owner (else an admin): OAuth client credentials act as this user. */
  actingUserId: number | null;
}

export const oAuthClientCacheKey = (clientId: string) => `auth:oauth_client:${clientId}`;

// Cal.com's ids are cuids: "c" and 24 lowercase base-36 characters.
const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
export function generateOAuthClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let id = "c";
  for (const byte of bytes) id += ID_ALPHABET[byte % 36];
  return id;
}

export function generateOAuthClientSecret(): string {
  return randomBase64Url(32);
}

export const hashOAuthClientSecret = (secret: string) => sha256Hex(secret);

const MAX_CLIENT_ID_LENGTH = 100;

export async function loadOAuthClientAuthFromDb(services: Deps, clientId: string): Promise<OAuthClientAuthRecord | null> {
  if (clientId.length > MAX_CLIENT_ID_LENGTH) return null;
  const client = await services.db.platformOAuthClient.findUnique({
    where: { id: clientId },
    select: {
      id: true,
      hashedSecret: true,
      organizationId: true,
      permissions: true,
      redirectUris: true,
      organization: {
        select: {
          members: {
            where: { accepted: true, role: { in: ["OWNER", "ADMIN"] } },
            select: { userId: true, role: true },
            orderBy: { id: "asc" },
          },
        },
      },
    },
  });
  if (!client) return null;
  const members = client.organization.members;
  const acting = members.find((member) => member.role === "OWNER") ?? members.find((member) => member.role === "ADMIN");
  return {
    id: client.id,
    hashedSecret: client.hashedSecret,
    organizationId: client.organizationId,
    permissions: client.permissions,
    redirectUris: client.redirectUris,
    actingUserId: acting?.userId ?? null,
  };
}

/** From the cache (already read by the caller, or read here), else from the database and then cached. */
export async function loadOAuthClientAuth(c: Context<AppEnv>, clientId: string, cached?: OAuthClientAuthRecord | null): Promise<OAuthClientAuthRecord | null> {
  const { deps: services, env } = c.var;
  const hit = cached !== undefined ? cached : (await readCached<OAuthClientAuthRecord>(services, [oAuthClientCacheKey(clientId)]))[0];
  if (hit) return hit;
  const record = await loadOAuthClientAuthFromDb(services, clientId);
  if (record) writeCached(c, oAuthClientCacheKey(clientId), record, env.AUTH_CACHE_TTL_SECONDS);
  return record;
}

/** After a client changes or is deleted: the next request reads it from the database again. */
export const forgetOAuthClient = (services: Deps, clientId: string) => deleteCached(services, [oAuthClientCacheKey(clientId)]);

// Cal.com's isOriginAllowed: an exact match or a `*` wildcard pattern. We also accept a redirect URI whose
// origin is the request's (Cal.com's older check was `uri.startsWith(origin)`), without its prefix looseness.
export function isOriginAllowed(origin: string, redirectUris: readonly string[]): boolean {
  return redirectUris.some((uri) => {
    if (uri.includes("*")) {
      const pattern = uri.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      return new RegExp(`^${pattern}$`).test(origin);
    }
    if (uri === origin) return true;
    try {
      return new URL(uri).origin === origin;
    } catch {
      return false;
    }
  });
}

import { deleteCached, readCached, writeCached } from "../auth/cache";
import { callerOrganizationIdOf } from "../auth/guards/platform";
import type { Actor } from "../auth/principal";
import { randomBase64Url, sha256Hex } from "../crypto";
import type { PlatformOAuthClient } from "../generated/prisma/client";
import type { Deps } from "../services";
import { type OAuthClientOutput, toOAuthClientOutput } from "./output";
import { permissionsToBits } from "./permissions";
import type { CreateOAuthClientInput, UpdateOAuthClientInput } from "./schemas";

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
export async function loadOAuthClientAuth(services: Deps, clientId: string, cached?: OAuthClientAuthRecord | null): Promise<OAuthClientAuthRecord | null> {
  const hit = cached !== undefined ? cached : (await readCached<OAuthClientAuthRecord>(services, [oAuthClientCacheKey(clientId)]))[0];
  if (hit) return hit;
  const record = await loadOAuthClientAuthFromDb(services, clientId);
  if (record) writeCached(services, oAuthClientCacheKey(clientId), record, services.env.AUTH_CACHE_TTL_SECONDS);
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

// ---------------------------------------------------------------------------------------------------------
// The /v2/oauth-clients operations. OrganizationRolesGuard (and OAuthClientGuard for one client) ran before them.

/** The caller's platform organization, which OrganizationRolesGuard has already required. */
async function guardedOrganizationId(deps: Deps, actor: Actor): Promise<number> {
  return (await callerOrganizationIdOf(deps, actor))!;
}

export async function createOAuthClient(deps: Deps, actor: Actor, input: CreateOAuthClientInput): Promise<{ clientId: string; clientSecret: string }> {
  const { permissions, ...fields } = input;
  const organizationId = await guardedOrganizationId(deps, actor);
  const clientSecret = generateOAuthClientSecret();
  const client = await deps.db.platformOAuthClient.create({
    data: {
      ...fields,
      id: generateOAuthClientId(),
      hashedSecret: await hashOAuthClientSecret(clientSecret),
      permissions: permissionsToBits(permissions),
      organizationId,
    },
    select: { id: true },
  });
  return { clientId: client.id, clientSecret };
}

export async function listOAuthClients(deps: Deps, actor: Actor): Promise<OAuthClientOutput[]> {
  const organizationId = await guardedOrganizationId(deps, actor);
  const clients = await deps.db.platformOAuthClient.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  return clients.map(toOAuthClientOutput);
}

// Redirect URIs gate access tokens' Origin check: the cached copy must not outlive a change.
export async function updateOAuthClient(deps: Deps, client: PlatformOAuthClient, input: UpdateOAuthClientInput): Promise<OAuthClientOutput> {
  const updated = await deps.db.platformOAuthClient.update({ where: { id: client.id }, data: input });
  await forgetOAuthClient(deps, client.id);
  return toOAuthClientOutput(updated);
}

// Refresh tokens go with it (cascade); access tokens fail on the missing client once the cache forgets it.
export async function deleteOAuthClient(deps: Deps, client: PlatformOAuthClient): Promise<OAuthClientOutput> {
  const deleted = await deps.db.platformOAuthClient.delete({ where: { id: client.id } });
  await forgetOAuthClient(deps, client.id);
  return toOAuthClientOutput(deleted);
}

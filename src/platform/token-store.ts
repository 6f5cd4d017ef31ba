import { setCachedNow, writeCached } from "../auth/cache";
import { sha256Hex } from "../crypto";
import type { Env, SigningKey } from "../env";
import type { Prisma } from "../generated/prisma/client";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import { invalidRefreshToken, signingKeysMissing } from "./errors";
import { generateRefreshToken, refreshTokenExpiry, signAccessToken } from "./tokens";

// Token families: the database is the truth, Redis caches the answer for the access-token hot path.
//
// Each managed user's session with a client is a family: one refresh-token row per rotation, all sharing a
// familyId that every access token of the family carries (`fam`). A family is live while it has a row that
// is not revoked. Revoking (reuse of a spent refresh token, force-refresh, user deletion) marks the rows and
// writes "revoked" into Redis right away; "live" answers are cached only for AUTH_CACHE_TTL_SECONDS.

export const tokenFamilyCacheKey = (familyId: string) => `auth:token_family:${familyId}`;
export interface FamilyState {
  live: boolean;
}

// Longer than any access token lives, so a revoked family's tokens have expired before the marker does.
const REVOKED_MARKER_SECONDS = 3600 + 120;
// Spent refresh tokens are kept this long to recognise their reuse, then pruned.
const SPENT_TOKEN_RETENTION_MS = 7 * 86_400_000;

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export function signingKeysOf(env: Env): SigningKey[] {
  if (!env.JWT_SIGNING_KEYS?.length) {
    throw signingKeysMissing();
  }
  return env.JWT_SIGNING_KEYS;
}

// The request's client or an open transaction: only refresh-token writes are needed.
type Writer = Pick<Queryable, "refreshToken">;

/** Writes a refresh-token row and signs its access token; a new family unless one is given (rotation). */
export async function issueTokens(
  db: Writer,
  keys: readonly SigningKey[],
  subject: { clientId: string; userId: number; familyId?: string },
  now = Date.now(),
): Promise<IssuedTokens> {
  const familyId = subject.familyId ?? crypto.randomUUID();
  const refreshToken = generateRefreshToken();
  const refreshTokenExpiresAt = refreshTokenExpiry(now);
  await db.refreshToken.create({
    data: {
      hashedSecret: await sha256Hex(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      platformOAuthClientId: subject.clientId,
      userId: subject.userId,
      familyId,
    },
  });
  const access = await signAccessToken(keys, { clientId: subject.clientId, ownerId: subject.userId, familyId }, now);
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
}

/** Revokes every live family matching `where`; their access tokens stop working before this returns. */
export async function revokeFamilies(services: Deps, where: { familyId?: string; clientId?: string; userId?: number }): Promise<void> {
  const filter: Prisma.RefreshTokenWhereInput = {
    revokedAt: null,
    ...(where.familyId ? { familyId: where.familyId } : {}),
    ...(where.clientId ? { platformOAuthClientId: where.clientId } : {}),
    ...(where.userId !== undefined ? { userId: where.userId } : {}),
  };
  const families = await services.db.refreshToken.findMany({ where: filter, select: { familyId: true }, distinct: ["familyId"] });
  if (where.familyId && !families.some((family) => family.familyId === where.familyId)) {
    families.push({ familyId: where.familyId });
  }
  await services.db.refreshToken.updateMany({ where: filter, data: { revokedAt: new Date() } });
  await setCachedNow(
    services,
    Object.fromEntries(families.map(({ familyId }) => [tokenFamilyCacheKey(familyId), { live: false } satisfies FamilyState])),
    REVOKED_MARKER_SECONDS,
  );
}

/** The family's state from the cache entry the caller already read, else from the database (then cached). */
export async function isFamilyLive(services: Deps, familyId: string, cached: FamilyState | null): Promise<boolean> {
  if (cached) return cached.live;
  const row = await services.db.refreshToken.findFirst({ where: { familyId, revokedAt: null }, select: { id: true } });
  const live = row !== null;
  writeCached(services, tokenFamilyCacheKey(familyId), { live } satisfies FamilyState, live ? services.env.AUTH_CACHE_TTL_SECONDS : REVOKED_MARKER_SECONDS);
  return live;
}

/**
 * Single-use rotation: the presented refresh token is spent and a new pair is issued in the same family.
 * Presenting a spent token again (a replay, or a stolen copy) revokes the whole family.
 */
export async function rotateRefreshToken(services: Deps, keys: readonly SigningKey[], clientId: string, presented: string): Promise<IssuedTokens> {
  const now = Date.now();
  const row = await services.db.refreshToken.findUnique({ where: { hashedSecret: await sha256Hex(presented) } });
  if (!row || row.platformOAuthClientId !== clientId || row.revokedAt) throw invalidRefreshToken();
  if (row.usedAt) {
    await revokeFamilies(services, { familyId: row.familyId });
    throw invalidRefreshToken();
  }
  if (row.expiresAt.getTime() <= now) throw invalidRefreshToken();

  const issued = await services.txDb.$transaction(async (tx) => {
    // Only one of two concurrent refreshes with the same token can spend it.
    const spent = await tx.refreshToken.updateMany({
      where: { id: row.id, usedAt: null, revokedAt: null },
      data: { usedAt: new Date(now) },
    });
    if (spent.count === 0) return null;
    await tx.refreshToken.deleteMany({
      where: { familyId: row.familyId, usedAt: { lt: new Date(now - SPENT_TOKEN_RETENTION_MS) } },
    });
    return issueTokens(tx, keys, { clientId, userId: row.userId, familyId: row.familyId }, now);
  });
  if (!issued) {
    await revokeFamilies(services, { familyId: row.familyId });
    throw invalidRefreshToken();
  }
  return issued;
}

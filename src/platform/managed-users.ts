import type { PlatformOAuthClient } from "../generated/prisma/client";
import { assertScheduleOwnedBy } from "../schedules/ownership";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import { managedUserEmailTaken, managedUserNotInClient } from "./errors";
import {
  type CreateManagedUserOutput,
  type KeysOutput,
  type ManagedUserOutput,
  type ManagedUserRow,
  managedUserSelect,
  toKeysOutput,
  toManagedUserOutput,
} from "./output";
import type { CreateManagedUserInput, GetManagedUsersQuery, UpdateManagedUserInput } from "./schemas";
import { issueTokens, revokeFamilies, signingKeysOf } from "./token-store";

// Managed users belong to one OAuth client. Their emails are namespaced with the client id, as Cal.com does:
// alice@example.com → alice+<clientId>@example.com, so two clients can each have their own "alice".
export function namespacedEmail(clientId: string, email: string): string {
  if (email.includes(`+${clientId}@`)) return email;
  const at = email.lastIndexOf("@");
  return `${email.slice(0, at)}+${clientId}@${email.slice(at + 1)}`;
}

// Cal.com's slugify: lower case, accents dropped, anything but letters, digits and dots becomes "-".
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .trim()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^.\p{L}\p{N}]+/gu, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-+/g, "-")
    .replace(/^[-.]+/, "")
    .replace(/[-.]+$/, "");
}

// Cal.com's getOrgUsernameFromEmail (the email's domain never matches the managed users' auto-accept domain).
export function usernameForNewManagedUser(email: string): string {
  const at = email.lastIndexOf("@");
  return slugify(`${email.slice(0, at)}-${email.slice(at + 1).split(".")[0]}`);
}

// Cal.com's updateOAuthClientUser derives the new username from the first two labels of the domain.
export function usernameForChangedEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const [domainName, tld] = email.slice(at + 1).split(".");
  return slugify(`${email.slice(0, at)}-${domainName}-${tld}`);
}

/** Cal.com's validateManagedUserOwnership: 404 unless the user is one of this client's managed users. */
export async function findManagedUser(db: Queryable, clientId: string, userId: number): Promise<ManagedUserRow> {
  const user = await db.user.findFirst({
    where: { id: userId, platformOAuthClients: { some: { id: clientId } } },
    select: managedUserSelect,
  });
  if (!user) throw managedUserNotInClient(userId);
  return user;
}

// ---------------------------------------------------------------------------------------------------------
// The /v2/oauth-clients/{clientId}/users operations. OAuthClientGuard and OrganizationRolesGuard ran before them.

/** A managed user as the path names it: `/oauth-clients/{clientId}/users/{userId}`. */
export interface ManagedUserRef {
  clientId: string;
  userId: number;
}

/** A managed user of `client`, with its first tokens. */
export async function createManagedUser(deps: Deps, client: PlatformOAuthClient, input: CreateManagedUserInput): Promise<CreateManagedUserOutput> {
  const { email: givenEmail, locale, ...profile } = input;
  const keys = signingKeysOf(deps.env);
  const email = namespacedEmail(client.id, givenEmail.toLowerCase());

  const existing = await deps.db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw managedUserEmailTaken(existing.id);

  // User, client link, membership and first tokens are created together, or not at all.
  const { user, tokens } = await deps.txDb.$transaction(async (tx) => {
    const username = usernameForNewManagedUser(email);
    const user = await tx.user.create({
      data: {
        ...profile,
        email,
        username,
        locale: locale ?? "en",
        emailVerified: new Date(),
        isPlatformManaged: true,
        organizationId: client.organizationId,
        platformOAuthClients: { connect: { id: client.id } },
        memberships: { create: { teamId: client.organizationId, role: "MEMBER", accepted: true } },
        // Cal.com's invite helper gives a managed user a profile in the organization, so it is one of the org's users.
        profiles: { create: { uid: crypto.randomUUID(), organizationId: client.organizationId, username } },
      },
      select: managedUserSelect,
    });
    return { user, tokens: await issueTokens(tx, keys, { clientId: client.id, userId: user.id }) };
  });
  return {
    user: toManagedUserOutput(user),
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt.getTime(),
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.getTime(),
  };
}

export async function listManagedUsers(deps: Deps, clientId: string, query: GetManagedUsersQuery): Promise<ManagedUserOutput[]> {
  // Emails may be given as the customer knows them or already namespaced.
  const namespaced = query.emails?.map((email) => namespacedEmail(clientId, email.toLowerCase()));
  const users = await deps.db.user.findMany({
    where: { platformOAuthClients: { some: { id: clientId } }, ...(namespaced ? { email: { in: namespaced } } : {}) },
    select: managedUserSelect,
    orderBy: { id: "asc" },
    skip: query.offset ?? 0,
    take: query.limit ?? 50,
  });
  return users.map(toManagedUserOutput);
}

export async function getManagedUser(deps: Deps, { clientId, userId }: ManagedUserRef): Promise<ManagedUserOutput> {
  return toManagedUserOutput(await findManagedUser(deps.db, clientId, userId));
}

export async function updateManagedUser(deps: Deps, { clientId, userId }: ManagedUserRef, input: UpdateManagedUserInput): Promise<ManagedUserOutput> {
  const { email, ...changes } = input;
  const { db } = deps;
  await findManagedUser(db, clientId, userId);
  if (changes.defaultScheduleId !== undefined) await assertScheduleOwnedBy(db, changes.defaultScheduleId, userId);
  const newEmail = email ? namespacedEmail(clientId, email.toLowerCase()) : undefined;
  const newUsername = newEmail ? usernameForChangedEmail(newEmail) : undefined;
  // A taken email or username surfaces as Prisma's P2002 → 409. The profile's username follows, as in Cal.com.
  const user = await db.user.update({
    where: { id: userId },
    data: {
      ...changes,
      ...(newEmail && newUsername ? { email: newEmail, username: newUsername, profiles: { updateMany: { where: {}, data: { username: newUsername } } } } : {}),
    },
    select: managedUserSelect,
  });
  return toManagedUserOutput(user);
}

export async function deleteManagedUser(deps: Deps, { clientId, userId }: ManagedUserRef): Promise<ManagedUserOutput> {
  const user = await findManagedUser(deps.db, clientId, userId);
  // Marks the user's token families revoked in Redis too, so its access tokens die with it.
  await revokeFamilies(deps, { userId });
  await deps.db.user.delete({ where: { id: userId } });
  return toManagedUserOutput(user);
}

/** New tokens for a managed user; every token issued before stops working. */
export async function forceRefreshManagedUser(deps: Deps, { clientId, userId }: ManagedUserRef): Promise<KeysOutput> {
  const keys = signingKeysOf(deps.env);
  await findManagedUser(deps.db, clientId, userId);
  // Cal.com deletes the user's tokens for this client; we revoke their families (same effect, reuse still detected).
  await revokeFamilies(deps, { clientId, userId });
  return toKeysOutput(await issueTokens(deps.db, keys, { clientId, userId }));
}

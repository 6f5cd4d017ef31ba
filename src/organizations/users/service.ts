import type { Actor } from "../../auth/principal";
import { forgetApiKeys } from "../../auth/strategies/api-key";
import type { Prisma } from "../../generated/prisma/client";
import { slugify } from "../../platform/managed-users";
import { revokeFamilies } from "../../platform/token-store";
import { assertScheduleOwnedBy } from "../../schedules/ownership";
import { insertSchedule } from "../../schedules/store";
import type { Deps } from "../../services";
import type { Queryable } from "../../services/db";
import { onMembershipAccepted } from "../../team-event-types/membership-effects";
import { onlyOwnerManagesOwners } from "../../teams/errors";
import { assertOwnerRules, lockOwnersAndTarget } from "../../teams/memberships";
import { isUniqueViolation } from "../../teams/store";
import { userNotFound } from "../../users/errors";
import { requireOrgAccess, requireUserInOrg } from "../access";
import { ORG_ADMIN } from "../memberships/service";
import { orgUserEmailTaken, orgUsernameTaken } from "./errors";
import { type OrgUserOutput, orgUserSelect, toOrgUserOutput } from "./output";
import type { CreateOrganizationUserInput, OrganizationUsersQueryInput, OrgUserIdInput, UpdateOrganizationUserInput } from "./schemas";

// Orgs / Users (Cal.com's OrganizationsUsersController: ORG_ADMIN, ESSENTIALS; PATCH and DELETE add IsUserInOrg).
// An organization's users are the users with a Profile in it.

const DEFAULT_TAKE = 250;
// The name Cal.com gives the schedule a new organization user starts with (its "default_schedule_name").
const DEFAULT_SCHEDULE_NAME = "Working Hours";

/**
 * The organization's users, in id order, optionally only those with the given emails or in the given teams of the
 * organization. `assignedOptionIds` matches users through their attribute assignments (their org membership's):
 * AND = every option, OR = at least one, NONE = none of them (users without any assignment included; Cal.com
 * returns the users holding some other option instead).
 */
export async function listOrganizationUsers(
  deps: Deps,
  actor: Actor,
  { orgId, query }: { orgId: number; query: OrganizationUsersQueryInput },
): Promise<OrgUserOutput[]> {
  await requireOrgAccess(deps, actor, orgId, ORG_ADMIN);
  const emails = query.emails ?? [];
  const users = await deps.db.user.findMany({
    where: {
      profiles: { some: { organizationId: orgId } },
      ...(emails.length > 0 ? { email: { in: emails, mode: "insensitive" } } : {}),
      ...(query.teamIds ? { memberships: { some: { teamId: { in: query.teamIds }, team: { parentId: orgId } } } } : {}),
      ...attributeFilter(orgId, query),
    },
    orderBy: { id: "asc" },
    skip: query.skip ?? 0,
    take: query.take ?? DEFAULT_TAKE,
    select: orgUserSelect(orgId),
  });
  return users.map(toOrgUserOutput);
}

/** The users list's attribute filter (`assignedOptionIds` with `attributeQueryOperator`), as a user `where`. */
function attributeFilter(orgId: number, { assignedOptionIds: ids, attributeQueryOperator }: OrganizationUsersQueryInput): Prisma.UserWhereInput {
  if (!ids) return {};
  const holding = (optionIds: string[]): Prisma.UserWhereInput => ({
    memberships: { some: { teamId: orgId, attributes: { some: { attributeOptionId: { in: optionIds } } } } },
  });
  if (attributeQueryOperator === "OR") return holding(ids);
  if (attributeQueryOperator === "NONE") return { NOT: holding(ids) };
  return { AND: ids.map((id) => holding([id])) };
}

/** Cal.com's username for a new organization member: the email's local part and the domain's first label. */
export function orgUsernameFromEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return slugify(`${email.slice(0, at)}-${email.slice(at + 1).split(".")[0]}`);
}

async function assertUsernameFree(db: Queryable, orgId: number, username: string, exceptUserId?: number): Promise<void> {
  const profile = await db.profile.findUnique({ where: { username_organizationId: { username, organizationId: orgId } }, select: { userId: true } });
  if (profile && profile.userId !== exceptUserId) throw orgUsernameTaken();
}

/** The stored columns a body names (`weekday` is the user's week start). */
function userColumns(body: UpdateOrganizationUserInput) {
  const { weekday, email, username, bio, metadata, timeZone, timeFormat, defaultScheduleId, locale, avatarUrl } = body;
  const { brandColor, darkBrandColor, hideBranding, theme, appTheme } = body;
  return {
    weekStart: weekday,
    email,
    username,
    bio,
    metadata,
    timeZone,
    timeFormat,
    defaultScheduleId,
    locale,
    avatarUrl,
    brandColor,
    darkBrandColor,
    hideBranding,
    theme,
    appTheme,
  };
}

/**
 * Creates a user of the organization as Cal.com's invite helper does: the user (organizationId set), their
 * profile (the given username, else one derived from the email), a membership with `organizationRole`
 * (accepted unless `autoAccept` is false) and a default schedule (Monday to Friday, 09:00 to 17:00). No email is
 * sent: this deployment has no email provider.
 */
export async function createOrganizationUser(
  deps: Deps,
  actor: Actor,
  { orgId, body }: { orgId: number; body: CreateOrganizationUserInput },
): Promise<OrgUserOutput> {
  const access = await requireOrgAccess(deps, actor, orgId, ORG_ADMIN);
  if (body.organizationRole === "OWNER" && access.orgMembership.role !== "OWNER") throw onlyOwnerManagesOwners();
  const { organizationRole, autoAccept, ...fields } = body;
  const username = fields.username ?? orgUsernameFromEmail(fields.email);
  const existing = await deps.db.user.findUnique({ where: { email: fields.email }, select: { id: true } });
  if (existing) throw orgUserEmailTaken();
  await assertUsernameFree(deps.db, orgId, username);
  const { defaultScheduleId, ...columns } = userColumns(fields);
  try {
    const userId = await deps.txDb.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          ...columns,
          email: fields.email,
          username,
          organizationId: orgId,
          // As Cal.com's invite helper: the invited user is verified and remembers who invited them.
          verified: true,
          invitedTo: orgId,
          profiles: { create: { uid: crypto.randomUUID(), organizationId: orgId, username } },
          memberships: { create: { teamId: orgId, role: organizationRole, accepted: autoAccept } },
        },
        select: { id: true, timeZone: true },
      });
      if (defaultScheduleId !== undefined) await assertScheduleOwnedBy(tx, defaultScheduleId, user.id);
      const schedule = await insertSchedule(tx, user.id, { name: DEFAULT_SCHEDULE_NAME, timeZone: user.timeZone });
      await tx.user.update({ where: { id: user.id }, data: { defaultScheduleId: schedule.id } });
      if (autoAccept) await onMembershipAccepted(tx, orgId, user.id);
      return user.id;
    });
    return toOrgUserOutput(await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: orgUserSelect(orgId) }));
  } catch (error) {
    // A concurrent request took the email or the username between the checks and the insert.
    if (isUniqueViolation(error))
      throw (await deps.db.user.findUnique({ where: { email: fields.email }, select: { id: true } })) ? orgUserEmailTaken() : orgUsernameTaken();
    throw error;
  }
}

/** The target's org membership, locked with the org's OWNER rows: only an OWNER changes or removes an OWNER. */
async function assertMayManage(tx: Prisma.TransactionClient, actor: Actor, orgId: number, userId: number, removal: boolean): Promise<void> {
  const membership = await tx.membership.findUnique({ where: { userId_teamId: { userId, teamId: orgId } }, select: { id: true } });
  if (!membership) return;
  const { target, owners } = await lockOwnersAndTarget(tx, orgId, membership.id);
  if (target) assertOwnerRules(actor, null, orgId, target, owners, removal ? null : target.role);
}

/**
 * Changes what the body names, for a user whose organization is this one (else 404, as Cal.com). A new username
 * is checked against the organization's other users and written to the profile too.
 */
export async function updateOrganizationUser(
  deps: Deps,
  actor: Actor,
  { orgId, userId, body }: OrgUserIdInput & { body: UpdateOrganizationUserInput },
): Promise<OrgUserOutput> {
  await requireOrgAccess(deps, actor, orgId, ORG_ADMIN);
  await requireUserInOrg(deps, orgId, userId);
  const user = await deps.db.user.findFirst({ where: { id: userId, organizationId: orgId }, select: { id: true } });
  if (!user) throw userNotFound(userId);
  if (body.username) await assertUsernameFree(deps.db, orgId, body.username, userId);
  if (body.defaultScheduleId !== undefined) await assertScheduleOwnedBy(deps.db, body.defaultScheduleId, userId);
  try {
    return await deps.txDb.$transaction(async (tx) => {
      await assertMayManage(tx, actor, orgId, userId, false);
      const updated = await tx.user.update({ where: { id: userId }, data: userColumns(body), select: orgUserSelect(orgId) });
      if (body.username) {
        await tx.profile.update({ where: { userId_organizationId: { userId, organizationId: orgId } }, data: { username: body.username } });
        updated.profiles = updated.profiles.map((profile) => ({ ...profile, username: body.username! }));
      }
      return toOrgUserOutput(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw body.email ? orgUserEmailTaken() : orgUsernameTaken();
    throw error;
  }
}

/**
 * Deletes the user's account (Cal.com removes the User row, not only the membership): their schedules, event
 * types and the bookings they organize go with it. Their API keys and access tokens stop working at once.
 */
export async function deleteOrganizationUser(deps: Deps, actor: Actor, { orgId, userId }: OrgUserIdInput): Promise<OrgUserOutput> {
  await requireOrgAccess(deps, actor, orgId, ORG_ADMIN);
  await requireUserInOrg(deps, orgId, userId);
  const { user, apiKeys, families } = await deps.txDb.$transaction(async (tx) => {
    await assertMayManage(tx, actor, orgId, userId, true);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: orgUserSelect(orgId) });
    const apiKeys = await tx.apiKey.findMany({ where: { userId }, select: { hashedKey: true } });
    const families = await tx.refreshToken.findMany({ where: { userId, revokedAt: null }, select: { familyId: true }, distinct: ["familyId"] });
    await tx.user.delete({ where: { id: userId } });
    return { user, apiKeys, families };
  });
  // The rows went with the user; the caches must forget them too, before this answers.
  await forgetApiKeys(
    deps,
    apiKeys.map((key) => key.hashedKey),
  );
  await Promise.all(families.map(({ familyId }) => revokeFamilies(deps, { familyId })));
  return toOrgUserOutput(user);
}

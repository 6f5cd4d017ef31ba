import type { Actor } from "../auth/principal";
import type { Prisma } from "../generated/prisma/client";
import { type OrgRouteRequirement, requireOrgAccess, requireUserInOrg } from "../organizations/access";
import { slugify } from "../platform/managed-users";
import { type PbacOperationId, withPermissions } from "../roles/route-permissions";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import { isUniqueViolation } from "../teams/store";
import {
  assignedOptionsNotFound,
  attributeNotAssignedToUser,
  attributeNotFound,
  attributeOptionNotFound,
  attributeSlugTaken,
  attributeTypeDoesNotSupportValue,
  optionAlreadyAssigned,
  optionOrValueRequired,
  optionsNotNumbers,
  orgMembershipNotFound,
  typeChangeWhileAssigned,
  unassignOthersForbidden,
  userNotOrgMember,
  valueNotANumber,
} from "./errors";
import {
  type AssignedOptionOutput,
  type AssignOptionUserOutput,
  type AttributeOutput,
  assignmentSelect,
  attributeSelect,
  type OptionOutput,
  optionSelect,
} from "./output";
import {
  type AssignedOptionsQueryInput,
  type AssignOrganizationAttributeOptionToUserInput,
  type AttributeType,
  type CreateOrganizationAttributeInput,
  type CreateOrganizationAttributeOptionInput,
  SELECT_TYPES,
  type UpdateOrganizationAttributeInput,
  type UpdateOrganizationAttributeOptionInput,
} from "./schemas";

// Orgs / Attributes and Orgs / Attributes / Options (Cal.com's OrganizationsAttributesController and
// OrganizationsAttributesOptionsController: reads ORG_MEMBER, writes ORG_ADMIN, unassign ORG_MEMBER; ESSENTIALS;
// PBAC permissions organization.attributes.*). Every attribute and option is reached through the path's
// organization: an attribute of another organization is "Attribute not found". Each service names its operation
// for the guards (src/roles/route-permissions.ts).

const DEFAULT_TAKE = 250;

/** The guards of `operationId`: its role, ESSENTIALS, and its PBAC permissions from the one table. */
const guard = (operationId: PbacOperationId, role: "ORG_MEMBER" | "ORG_ADMIN"): OrgRouteRequirement =>
  withPermissions(operationId, { role, plan: "ESSENTIALS" });

const isSelect = (type: AttributeType) => SELECT_TYPES.includes(type);
const isNumeric = (value: string) => value.trim() !== "" && Number.isFinite(Number(value));

interface OrgInput {
  orgId: number;
}
interface AttributeInput extends OrgInput {
  attributeId: string;
}
interface OptionInput extends AttributeInput {
  optionId: string;
}

/** The organization's attribute (404 `Attribute not found` for an unknown one or another organization's). */
async function findAttribute(db: Queryable, orgId: number, attributeId: string): Promise<AttributeOutput> {
  const attribute = await db.attribute.findFirst({ where: { id: attributeId, teamId: orgId }, select: attributeSelect });
  if (!attribute) throw attributeNotFound();
  return attribute;
}

export async function listAttributes(deps: Deps, actor: Actor, { orgId, skip, take }: OrgInput & { skip?: number; take?: number }): Promise<AttributeOutput[]> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesController_getOrganizationAttributes", "ORG_MEMBER"));
  return deps.db.attribute.findMany({
    where: { teamId: orgId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: skip ?? 0,
    take: take ?? DEFAULT_TAKE,
    select: attributeSelect,
  });
}

/** Cal.com answers `200 data:null` for a missing attribute; we answer 404 `Attribute not found`. */
export async function getAttribute(deps: Deps, actor: Actor, { orgId, attributeId }: AttributeInput): Promise<AttributeOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesController_getOrganizationAttribute", "ORG_MEMBER"));
  return findAttribute(deps.db, orgId, attributeId);
}

/** Creates the attribute and, for the select types, its options (in one transaction; options of TEXT/NUMBER are ignored, as Cal.com). */
export async function createAttribute(
  deps: Deps,
  actor: Actor,
  { orgId, body }: OrgInput & { body: CreateOrganizationAttributeInput },
): Promise<AttributeOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesController_createOrganizationAttribute", "ORG_ADMIN"));
  const { options, ...fields } = body;
  try {
    return await deps.txDb.$transaction(async (tx) => {
      const attribute = await tx.attribute.create({ data: { ...fields, teamId: orgId }, select: attributeSelect });
      if (isSelect(attribute.type) && options.length > 0) {
        await tx.attributeOption.createMany({ data: options.map((option) => ({ ...option, attributeId: attribute.id })) });
      }
      return attribute;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw attributeSlugTaken(body.slug);
    throw error;
  }
}

export async function updateAttribute(
  deps: Deps,
  actor: Actor,
  { orgId, attributeId, body }: AttributeInput & { body: UpdateOrganizationAttributeInput },
): Promise<AttributeOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesController_updateOrganizationAttribute", "ORG_ADMIN"));
  const current = await findAttribute(deps.db, orgId, attributeId);
  if (body.type !== undefined && body.type !== current.type) {
    const assigned = await deps.db.attributeToUser.findFirst({ where: { attributeOption: { attributeId } }, select: { id: true } });
    if (assigned) throw typeChangeWhileAssigned();
    if (body.type === "NUMBER") {
      const options = await deps.db.attributeOption.findMany({ where: { attributeId }, select: { value: true } });
      if (!options.every((option) => isNumeric(option.value))) throw optionsNotNumbers();
    }
  }
  try {
    return await deps.db.attribute.update({ where: { id: attributeId }, data: body, select: attributeSelect });
  } catch (error) {
    if (isUniqueViolation(error) && body.slug) throw attributeSlugTaken(body.slug);
    throw error;
  }
}

/** Deletes the attribute with its options and their assignments (cascade). */
export async function deleteAttribute(deps: Deps, actor: Actor, { orgId, attributeId }: AttributeInput): Promise<AttributeOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesController_deleteOrganizationAttribute", "ORG_ADMIN"));
  await findAttribute(deps.db, orgId, attributeId);
  return deps.db.attribute.delete({ where: { id: attributeId }, select: attributeSelect });
}

// ---- Options ----

export async function createOption(
  deps: Deps,
  actor: Actor,
  { orgId, attributeId, body }: AttributeInput & { body: CreateOrganizationAttributeOptionInput },
): Promise<OptionOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesOptionsController_createOrganizationAttributeOption", "ORG_ADMIN"));
  const attribute = await findAttribute(deps.db, orgId, attributeId);
  if (attribute.type === "NUMBER" && !isNumeric(body.value)) throw valueNotANumber();
  return deps.db.attributeOption.create({ data: { ...body, attributeId }, select: optionSelect });
}

/** The attribute's options (unpaginated, as Cal.com), in creation order. */
export async function listOptions(deps: Deps, actor: Actor, { orgId, attributeId }: AttributeInput): Promise<OptionOutput[]> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesOptionsController_getOrganizationAttributeOptions", "ORG_MEMBER"));
  await findAttribute(deps.db, orgId, attributeId);
  return deps.db.attributeOption.findMany({ where: { attributeId }, orderBy: { id: "asc" }, select: optionSelect });
}

async function findOption(db: Queryable, attributeId: string, optionId: string): Promise<void> {
  const option = await db.attributeOption.findFirst({ where: { id: optionId, attributeId }, select: { id: true } });
  if (!option) throw attributeOptionNotFound();
}

export async function updateOption(
  deps: Deps,
  actor: Actor,
  { orgId, attributeId, optionId, body }: OptionInput & { body: UpdateOrganizationAttributeOptionInput },
): Promise<OptionOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesOptionsController_updateOrganizationAttributeOption", "ORG_ADMIN"));
  const attribute = await findAttribute(deps.db, orgId, attributeId);
  await findOption(deps.db, attributeId, optionId);
  if (attribute.type === "NUMBER" && body.value !== undefined && !isNumeric(body.value)) throw valueNotANumber();
  return deps.db.attributeOption.update({ where: { id: optionId }, data: body, select: optionSelect });
}

/** Deletes the option and its assignments (cascade). */
export async function deleteOption(deps: Deps, actor: Actor, { orgId, attributeId, optionId }: OptionInput): Promise<OptionOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesOptionsController_deleteOrganizationAttributeOption", "ORG_ADMIN"));
  await findAttribute(deps.db, orgId, attributeId);
  await findOption(deps.db, attributeId, optionId);
  return deps.db.attributeOption.delete({ where: { id: optionId }, select: optionSelect });
}

// ---- Assignments ----

/** The user's membership of the organization: none → 404 naming both ids; pending → 404 (Cal.com's messages). */
async function acceptedOrgMembership(db: Queryable, orgId: number, userId: number): Promise<number> {
  const membership = await db.membership.findUnique({ where: { userId_teamId: { userId, teamId: orgId } }, select: { id: true, accepted: true } });
  if (!membership) throw orgMembershipNotFound(userId, orgId);
  if (!membership.accepted) throw userNotOrgMember();
  return membership.id;
}

/**
 * Assigns an option of the attribute to the user: `attributeOptionId` (an option of that attribute, else 404), or
 * for TEXT/NUMBER a `value` (an option with that value is reused, else created). Every type but MULTI_SELECT holds
 * one option per user, so a new assignment replaces the previous one (Cal.com collects several). Serialized per
 * member by locking the membership row.
 */
export async function assignOption(
  deps: Deps,
  actor: Actor,
  { orgId, userId, body }: OrgInput & { userId: number; body: AssignOrganizationAttributeOptionToUserInput },
): Promise<AssignOptionUserOutput> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesOptionsController_assignOrganizationAttributeOptionToUser", "ORG_ADMIN"));
  const attribute = await findAttribute(deps.db, orgId, body.attributeId);
  const memberId = await acceptedOrgMembership(deps.db, orgId, userId);
  if (isSelect(attribute.type) && body.value !== undefined) throw attributeTypeDoesNotSupportValue();
  if (body.attributeOptionId === undefined && body.value === undefined) throw optionOrValueRequired();
  if (body.attributeOptionId === undefined && attribute.type === "NUMBER" && !isNumeric(body.value!)) throw valueNotANumber();
  let optionId = body.attributeOptionId;
  try {
    return await deps.txDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "id" = ${memberId} FOR UPDATE`;
      if (optionId !== undefined) await findOption(tx, attribute.id, optionId);
      else {
        const value = body.value!;
        const existing = await tx.attributeOption.findFirst({ where: { attributeId: attribute.id, value }, select: { id: true }, orderBy: { id: "asc" } });
        optionId =
          existing?.id ?? (await tx.attributeOption.create({ data: { attributeId: attribute.id, value, slug: slugify(value) }, select: { id: true } })).id;
      }
      const already = await tx.attributeToUser.findUnique({
        where: { memberId_attributeOptionId: { memberId, attributeOptionId: optionId } },
        select: { id: true },
      });
      if (already) throw optionAlreadyAssigned(optionId, userId);
      if (attribute.type !== "MULTI_SELECT") {
        await tx.attributeToUser.deleteMany({ where: { memberId, attributeOption: { attributeId: attribute.id } } });
      }
      return tx.attributeToUser.create({ data: { memberId, attributeOptionId: optionId, createdById: actor.userId }, select: assignmentSelect });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw optionAlreadyAssigned(optionId ?? "", userId);
    throw error;
  }
}

/**
 * Removes the assignment. ORG_MEMBER as Cal.com, but a caller who is not an org ADMIN/OWNER (nor granted the
 * operation's permission by PBAC) may unassign only their own options (Cal.com lets any member unassign anyone's).
 */
export async function unassignOption(
  deps: Deps,
  actor: Actor,
  { orgId, userId, attributeOptionId }: OrgInput & { userId: number; attributeOptionId: string },
): Promise<AssignOptionUserOutput> {
  const access = await requireOrgAccess(
    deps,
    actor,
    orgId,
    guard("OrganizationsAttributesOptionsController_unassignOrganizationAttributeOptionFromUser", "ORG_MEMBER"),
  );
  // A role granting `organization.attributes.update` (PBAC) may unassign anyone's, as an admin may.
  if (!access.isOrgAdmin && !access.permissionGranted && userId !== actor.userId) throw unassignOthersForbidden(actor.userId, orgId);
  const membership = await deps.db.membership.findUnique({ where: { userId_teamId: { userId, teamId: orgId } }, select: { id: true } });
  if (!membership) throw orgMembershipNotFound(userId, orgId);
  const assignment = await deps.db.attributeToUser.findUnique({
    where: { memberId_attributeOptionId: { memberId: membership.id, attributeOptionId } },
    select: assignmentSelect,
  });
  if (!assignment) throw attributeNotAssignedToUser();
  await deps.db.attributeToUser.deleteMany({ where: { id: assignment.id } });
  return assignment;
}

/** The options of the organization's attributes assigned to the user; a user outside it is IsUserInOrg's 403. */
export async function listUserOptions(deps: Deps, actor: Actor, { orgId, userId }: OrgInput & { userId: number }): Promise<OptionOutput[]> {
  await requireOrgAccess(deps, actor, orgId, guard("OrganizationsAttributesOptionsController_getOrganizationAttributeOptionsForUser", "ORG_MEMBER"));
  await requireUserInOrg(deps, orgId, userId);
  return deps.db.attributeOption.findMany({
    where: { attribute: { teamId: orgId }, assignedUsers: { some: { member: { userId, teamId: orgId } } } },
    orderBy: { id: "asc" },
    select: optionSelect,
  });
}

/**
 * The attribute's options assigned to at least one member, with those members' user ids. `teamIds` keeps the
 * members of those teams of the organization; `assignedOptionIds` keeps the members who hold one of those options
 * (none → Cal.com's 404), so the answer is what those members also hold. `assignedUserIds` lists the members
 * left after the filters (Cal.com lists every assignee of a kept option).
 */
export async function listAssignedOptions(
  deps: Deps,
  actor: Actor,
  { orgId, attribute, query }: OrgInput & { attribute: { id: string } | { slug: string }; query: AssignedOptionsQueryInput },
): Promise<AssignedOptionOutput[]> {
  const operation = "id" in attribute ? "getOrganizationAttributeAssignedOptions" : "getOrganizationAttributeAssignedOptionsBySlug";
  await requireOrgAccess(deps, actor, orgId, guard(`OrganizationsAttributesOptionsController_${operation}`, "ORG_MEMBER"));
  // An attribute of another organization (or none) is "Attribute not found", not an empty list.
  const where = { teamId: orgId, ...("id" in attribute ? { id: attribute.id } : { slug: attribute.slug }) };
  if (!(await deps.db.attribute.findFirst({ where, select: { id: true } }))) throw attributeNotFound();
  const { teamIds, assignedOptionIds } = query;
  const inTeams: Prisma.MembershipWhereInput = teamIds ? { user: { memberships: { some: { teamId: { in: teamIds }, team: { parentId: orgId } } } } } : {};
  let userIds: number[] | undefined;
  if (assignedOptionIds) {
    const holders = await deps.db.attributeToUser.findMany({
      where: { attributeOptionId: { in: assignedOptionIds }, attributeOption: { attribute: { teamId: orgId } }, member: { teamId: orgId, ...inTeams } },
      select: { member: { select: { userId: true } } },
    });
    if (holders.length === 0) throw assignedOptionsNotFound();
    userIds = [...new Set(holders.map((holder) => holder.member.userId))];
  }
  const memberFilter = { teamId: orgId, ...inTeams, ...(userIds ? { userId: { in: userIds } } : {}) };
  const options = await deps.db.attributeOption.findMany({
    where: {
      attribute: { teamId: orgId, ...("id" in attribute ? { id: attribute.id } : { slug: attribute.slug }) },
      assignedUsers: { some: { member: memberFilter } },
    },
    orderBy: { id: "asc" },
    skip: query.skip ?? 0,
    take: query.take ?? DEFAULT_TAKE,
    select: {
      ...optionSelect,
      assignedUsers: { where: { member: memberFilter }, orderBy: { createdAt: "asc" }, select: { member: { select: { userId: true } } } },
    },
  });
  return options.map(({ assignedUsers, ...option }) => ({ ...option, assignedUserIds: assignedUsers.map((assigned) => assigned.member.userId) }));
}

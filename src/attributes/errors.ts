import { badRequest, conflict, forbidden, notFound } from "../errors";

// Orgs / Attributes (+ Options) messages (v2/modules/organizations/attributes/…), one factory each, plus ours
// where Cal.com answers a 500 or lets the request through.

export const attributeNotFound = () => notFound("Attribute not found");
export const attributeOptionNotFound = () => notFound("Attribute option not found");
export const attributeTypeDoesNotSupportValue = () => badRequest("Attribute type does not support value");
export const userNotOrgMember = () => notFound("User is not a member of the organization");
export const orgMembershipNotFound = (userId: number, orgId: number) =>
  notFound(`Membership for user with id ${userId} within organization id ${orgId} not found`);
export const attributeNotAssignedToUser = () => notFound("Attribute does not belong to this user");
export const assignedOptionsNotFound = () =>
  notFound("Options provided in assignedOptionIds are not assigned to anyone, or the users are not part of the teams specified in teamIds filter.");
/** Ours: Cal.com answers Prisma's generic 409. */
export const attributeSlugTaken = (slug: string) => conflict(`Attribute with slug ${slug} already exists in this organization.`);
/** Ours: Cal.com answers Prisma's generic 409. */
export const optionAlreadyAssigned = (optionId: string, userId: number) =>
  conflict(`Attribute option ${optionId} is already assigned to user with id=${userId}.`);
/** Ours: Cal.com throws a plain Error (500). */
export const optionOrValueRequired = () => badRequest("attributeOptionId or value is required");
/** Ours: Cal.com stores any text as a NUMBER attribute's value. */
export const valueNotANumber = () => badRequest("value must be a number for a NUMBER attribute");
/** Ours: Cal.com lets any org member unassign anyone's option. */
export const unassignOthersForbidden = (userId: number, orgId: number) =>
  forbidden(
    "RolesGuard",
    `user with id=${userId} may unassign only their own attribute options; unassigning another user's needs role=ORG_ADMIN within organization with id=${orgId}.`,
  );
/** Ours: Cal.com changes the type whatever the assignments (a MULTI_SELECT made SINGLE_SELECT keeps several per user). */
export const typeChangeWhileAssigned = () => conflict("Attribute type cannot be changed while its options are assigned to users.");
/** Ours: a NUMBER attribute's options hold numbers. */
export const optionsNotNumbers = () => badRequest("type NUMBER needs every option value of the attribute to be a number");

import { badRequest, conflict, notFound } from "../../errors";

// The messages Orgs / Memberships answer (v2/modules/organizations/memberships/services/organizations-membership.service.ts,
// v2/modules/auth/guards/memberships/is-membership-in-org.guard.ts), plus ours.

export const membershipNotInOrg = (membershipId: number) => notFound(`IsMembershipInOrg - Membership (${membershipId}) not found.`);

// Platform mixing rules (canUserBeAddedToOrg).
export const platformUserInRegularOrg = () =>
  badRequest(
    "Can't add user to organization - the user is platform managed user but organization is not because organization probably was not created using OAuth credentials.",
  );
export const regularUserInPlatformOrg = () =>
  badRequest(
    "Can't add user to organization - the user is not platform managed user but organization is platform managed. Both have to be created using OAuth credentials.",
  );
export const differentOAuthClients = () =>
  badRequest("Can't add user to organization - managed user and organization were created using different OAuth clients.");

// Ours: a user belongs to at most one organization (User.organizationId); Cal.com would add them to a second one.
export const userInAnotherOrganization = (userId: number) => conflict(`User with id=${userId} already belongs to another organization.`);

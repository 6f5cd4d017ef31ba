import { ApiError, badRequest, forbidden, notFound, unprocessable } from "../errors";

// The messages teams and team memberships answer (Cal.com's TeamsService, TeamsMembershipsService), one factory
// each, plus ours for the owner rules Cal.com does not have.

export const teamNameTaken = (name: string) => badRequest(`You already have created a team with name=${name}`);

export const teamSlugTaken = (slug: string) => new ApiError("ConflictException", `Team with slug=${slug} already exists.`);

// Cal.com's wording, also for plain teams.
export const teamMembershipNotFound = () => notFound("Organization's Team membership not found");

export const teamMembershipNotFoundInTeam = (membershipId: number, teamId: number) =>
  notFound(`Membership with id ${membershipId} not found in team ${teamId}`);

// The org-team route's wording (v2/modules/organizations/teams/memberships).
export const orgTeamMembershipNotFoundInTeam = (membershipId: number, teamId: number, orgId: number) =>
  notFound(`Membership with id ${membershipId} not found in team ${teamId} of organization ${orgId}`);

export const userNotInOrganization = () => unprocessable("User is not part of the Organization");

// Ours: `x-cal-client-id` on org-team create must name one of the organization's OAuth clients (Cal.com stores any value).
export const oAuthClientNotInOrganization = (clientId: string, orgId: number) =>
  badRequest(`x-cal-client-id - OAuth client with id=${clientId} is not a client of the organization with id=${orgId}.`);

export const teamMembershipExists = (userId: number, teamId: number) =>
  new ApiError("ConflictException", `User with id=${userId} is already a member of the team with id=${teamId}.`);

// Platform mixing rules (v2/modules/teams/memberships/services/teams-memberships.service.ts).
export const platformUserInRegularTeam = () =>
  badRequest("Can't add user to team - the user is platform managed user but team is not because team probably was not created using OAuth credentials.");
export const regularUserInPlatformTeam = () =>
  badRequest("Can't add user to team - the user is not platform managed user but team is platform managed. Both have to be created using OAuth credentials.");
export const differentOAuthClients = () => badRequest("Can't add user to team - managed user and team were created using different OAuth clients.");

// Ours: an ADMIN manages MEMBERs and ADMINs; OWNERs are an OWNER's business, and a team always keeps one.
export const onlyOwnerManagesOwners = () => forbidden("TeamMembershipRoles", "Only a team OWNER can grant the OWNER role or change or remove an OWNER.");

export const lastTeamOwner = (teamId: number) =>
  badRequest(`The team with id=${teamId} must keep at least one OWNER: its last OWNER cannot be demoted or removed.`);

import { verifiedResourceOperations } from "../../../../src/verified-resources/operations";
import { OrgTeamParams } from "../../../../src/verified-resources/schemas";

// Cal.com's OrgTeamsVerifiedResourcesController: an org team's verified emails and phone numbers (the org/team guard
// chain: TEAM_ADMIN or org ADMIN/OWNER, team in the org, ESSENTIALS plan for platform orgs except the phone-code
// request, admin API for other orgs).
export const orgTeamVerifiedResourceOperations = verifiedResourceOperations({
  prefix: "/v2/organizations/{orgId}/teams/{teamId}/verified-resources",
  params: OrgTeamParams,
  tag: "Organization Team Verified Resources",
  controller: "OrgTeamsVerifiedResourcesController",
  scope: "team",
  scopeOf: (ids) => ({ kind: "orgTeam", orgId: ids.orgId!, teamId: ids.teamId! }),
  throttles: {
    requestEmailCode: { name: "org_teams_verified_resources_emails_requests", limit: 3 },
    requestPhoneCode: { name: "org_teams_verified_resources_phones_requests", limit: 3 },
    verifyPhone: { name: "org_teams_verified_resources_phones_verify", limit: 3 },
  },
  guards: "TEAM_ADMIN of the team or ADMIN/OWNER of its organization (Cal.com's org/team guard chain).",
});

import { TeamIdParams } from "../../../src/http/common";
import { verifiedResourceOperations } from "../../../src/verified-resources/operations";

// Cal.com's TeamsVerifiedResourcesController: a team's verified emails and phone numbers (RolesGuard TEAM_ADMIN).
export const teamVerifiedResourceOperations = verifiedResourceOperations({
  prefix: "/v2/teams/{teamId}/verified-resources",
  params: TeamIdParams,
  tag: "Teams Verified Resources",
  controller: "TeamsVerifiedResourcesController",
  scope: "team",
  scopeOf: (ids) => ({ kind: "team", teamId: ids.teamId! }),
  throttles: {
    requestEmailCode: { name: "teams_verified_resources_emails_requests", limit: 5 },
    requestPhoneCode: { name: "teams_verified_resources_phones_requests", limit: 3 },
    verifyPhone: { name: "teams_verified_resources_phones_verify", limit: 3 },
  },
  guards: "TEAM_ADMIN of the team.",
});

import { createRoute } from "@hono/zod-openapi";
import { ConferencingAppsOutputResponseSchema, conferencingAppOutput } from "../../../../src/conferencing/output";
import { listConferencingApps, orgTeamOwner } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, TeamIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing",
  operationId: "OrganizationsConferencingController_listTeamConferencingApps",
  summary: "List team conferencing applications",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. The team's video connections (`*_video` credentials). Cal Video is global and never listed.",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(OrgIdParams, TeamIdParams) },
  responses: {
    200: { description: "List team conferencing applications", content: { "application/json": { schema: ConferencingAppsOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const listTeamConferencingAppsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = await orgTeamOwner(deps, actorOf(c), c.req.valid("param"));
    return c.json(success((await listConferencingApps(deps, owner)).map(conferencingAppOutput)), 200);
  },
});

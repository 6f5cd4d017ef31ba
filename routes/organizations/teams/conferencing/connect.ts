import { createRoute } from "@hono/zod-openapi";
import { ConferencingAppOutputResponseSchema, conferencingAppOutput } from "../../../../src/conferencing/output";
import { ConnectAppParams } from "../../../../src/conferencing/schemas";
import { connectNonOAuthApp, orgTeamOwner } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, TeamIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing/{app}/connect",
  operationId: "OrganizationsConferencingController_connectTeamApp",
  summary: "Connect your conferencing application to a team",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. Connects an app that needs no OAuth: `google-meet`, which needs the team's valid Google Calendar connection.",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), ConnectAppParams) },
  responses: {
    200: { description: "Connect your conferencing application to a team", content: { "application/json": { schema: ConferencingAppOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const connectTeamConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = await orgTeamOwner(deps, actorOf(c), c.req.valid("param"));
    return c.json(success(conferencingAppOutput(await connectNonOAuthApp(deps, owner, c.req.valid("param").app))), 200);
  },
});

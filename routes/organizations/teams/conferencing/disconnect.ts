import { createRoute } from "@hono/zod-openapi";
import { DisconnectOutputResponseSchema } from "../../../../src/conferencing/output";
import { DisconnectAppParams } from "../../../../src/conferencing/schemas";
import { disconnectApp, orgTeamOwner } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, SUCCESS, TeamIdParams, pathParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing/{app}/disconnect",
  operationId: "OrganizationsConferencingController_disconnectTeamApp",
  summary: "Disconnect team conferencing application",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. Deletes the team's credential of the app; event types using it fall back to Cal Video and a default naming it is cleared.",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), DisconnectAppParams) },
  responses: {
    200: { description: "Disconnect team conferencing application", content: { "application/json": { schema: DisconnectOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const disconnectTeamConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = await orgTeamOwner(deps, actorOf(c), c.req.valid("param"));
    await disconnectApp(deps, owner, c.req.valid("param").app);
    return c.json({ status: SUCCESS }, 200);
  },
});

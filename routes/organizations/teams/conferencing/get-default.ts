import { createRoute } from "@hono/zod-openapi";
import { GetDefaultOutputResponseSchema } from "../../../../src/conferencing/output";
import { getDefaultApp, orgTeamOwner } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, SUCCESS, TeamIdParams, pathParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing/default",
  operationId: "OrganizationsConferencingController_getTeamDefaultApp",
  summary: "Get team default conferencing application",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. The team's default app `{appSlug, appLink?}`, or no `data` when none was set.",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(OrgIdParams, TeamIdParams) },
  responses: {
    200: { description: "Get team default conferencing application", content: { "application/json": { schema: GetDefaultOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const getDefaultTeamConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = await orgTeamOwner(deps, actorOf(c), c.req.valid("param"));
    const data = await getDefaultApp(deps, owner);
    return c.json({ status: SUCCESS, ...(data ? { data } : {}) }, 200);
  },
});

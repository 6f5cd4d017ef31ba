import { createRoute } from "@hono/zod-openapi";
import { SetDefaultOutputResponseSchema } from "../../../../src/conferencing/output";
import { DefaultAppParams } from "../../../../src/conferencing/schemas";
import { orgTeamOwner, setDefaultApp } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, SUCCESS, TeamIdParams, pathParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing/{app}/default",
  operationId: "OrganizationsConferencingController_setTeamDefaultApp",
  summary: "Set team default conferencing application",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. `daily-video` (Cal Video) always; `google-meet`, `zoom` or `msteams` once connected (400 `<app> not connected.`).",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), DefaultAppParams) },
  responses: {
    200: { description: "Set team default conferencing application", content: { "application/json": { schema: SetDefaultOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const setDefaultTeamConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = await orgTeamOwner(deps, actorOf(c), c.req.valid("param"));
    await setDefaultApp(deps, owner, c.req.valid("param").app);
    return c.json({ status: SUCCESS }, 200);
  },
});

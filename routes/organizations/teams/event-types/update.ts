import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { UpdateTeamEventTypeOutputSchema } from "../../../../src/team-event-types/output";
import { OrgTeamEventTypeParams, UpdateTeamEventTypeInputSchema } from "../../../../src/team-event-types/schemas";
import { updateTeamEventType } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}",
  operationId: "OrganizationsEventTypesController_updateTeamEventType",
  summary: "Update a team event type",
  description:
    "For a team ADMIN or OWNER, or an org ADMIN or OWNER. As `PATCH /v2/teams/{teamId}/event-types/{eventTypeId}`; the booking form may be phone-only.",
  tags: ["Orgs / Teams / Event Types"],
  request: {
    params: OrgTeamEventTypeParams,
    body: { required: true, content: { "application/json": { schema: UpdateTeamEventTypeInputSchema } } },
  },
  responses: {
    200: { description: "The updated event type (managed: with its children)", content: { "application/json": { schema: UpdateTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 404, 409),
  },
});

export const updateOrgTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const updated = await updateTeamEventType(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(updated), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { UpdateTeamEventTypeOutputSchema } from "../../../src/team-event-types/output";
import { TeamEventTypeParams, UpdateTeamEventTypeInputSchema } from "../../../src/team-event-types/schemas";
import { updateTeamEventType } from "../../../src/team-event-types/service";

const route = createRoute({
  method: "patch",
  path: "/v2/teams/{teamId}/event-types/{eventTypeId}",
  operationId: "TeamsEventTypesController_updateTeamEventType",
  summary: "Update a team event type",
  description:
    "For a team ADMIN or OWNER. Only the fields sent change; `hosts` or `assignAllTeamMembers` replace the hosts (managed: the children, and every child takes the parent's locked fields). Switching between collective and round robin needs one of them. Sending the event type's own slug back is accepted.",
  tags: ["Teams / Event Types"],
  request: {
    params: TeamEventTypeParams,
    body: { required: true, content: { "application/json": { schema: UpdateTeamEventTypeInputSchema } } },
  },
  responses: {
    200: { description: "The updated event type (managed: with its children)", content: { "application/json": { schema: UpdateTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 404, 409),
  },
});

export const updateTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const updated = await updateTeamEventType(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(updated), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { CreateTeamEventTypeOutputSchema } from "../../../src/team-event-types/output";
import { CreateTeamEventTypeInputSchema } from "../../../src/team-event-types/schemas";
import { createTeamEventType } from "../../../src/team-event-types/service";

const route = createRoute({
  method: "post",
  path: "/v2/teams/{teamId}/event-types",
  operationId: "TeamsEventTypesController_createTeamEventType",
  summary: "Create an event type",
  description:
    "For a team ADMIN or OWNER. Hosts must be team members (400 naming the others); `assignAllTeamMembers: true` makes every member (pending ones too) a host. A managed event type answers `[parent, ...children]`, one child per assigned member.",
  tags: ["Teams / Event Types"],
  request: {
    params: TeamIdParams,
    body: { required: true, content: { "application/json": { schema: CreateTeamEventTypeInputSchema } } },
  },
  responses: {
    201: { description: "The created event type (managed: with its children)", content: { "application/json": { schema: CreateTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 409),
  },
});

export const createTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const created = await createTeamEventType(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(created), 201);
  },
});

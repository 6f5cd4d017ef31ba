import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { CreateTeamEventTypeOutputSchema } from "../../../../src/team-event-types/output";
import { CreateTeamEventTypeInputSchema, OrgTeamParams } from "../../../../src/team-event-types/schemas";
import { createTeamEventType } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types",
  operationId: "OrganizationsEventTypesController_createTeamEventType",
  summary: "Create an event type",
  description:
    "For a team ADMIN or OWNER, or an org ADMIN or OWNER (no team membership needed). As `POST /v2/teams/{teamId}/event-types`, except that the booking form may be phone-only: the email field optional or hidden when the `attendeePhoneNumber` phone field is required and visible.",
  tags: ["Orgs / Teams / Event Types"],
  request: {
    params: OrgTeamParams,
    body: { required: true, content: { "application/json": { schema: CreateTeamEventTypeInputSchema } } },
  },
  responses: {
    201: { description: "The created event type (managed: with its children)", content: { "application/json": { schema: CreateTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 404, 409),
  },
});

export const createOrgTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const created = await createTeamEventType(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(created), 201);
  },
});

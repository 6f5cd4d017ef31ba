import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { CreatePhoneCallOutputSchema } from "../../../../src/team-event-types/output";
import { CreatePhoneCallInputSchema, OrgTeamEventTypeParams } from "../../../../src/team-event-types/schemas";
import { createTeamEventTypePhoneCall } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/create-phone-call",
  operationId: "OrganizationsEventTypesController_createPhoneCall",
  summary: "Create a phone call",
  description:
    "For a team ADMIN or OWNER, or an org ADMIN or OWNER. Cal.com places the call through its AI phone provider; none is configured on this deployment, so a valid request answers 400 saying so.",
  tags: ["Orgs / Teams / Event Types"],
  request: {
    params: OrgTeamEventTypeParams,
    body: { required: true, content: { "application/json": { schema: CreatePhoneCallInputSchema } } },
  },
  responses: {
    201: { description: "The call placed (never, without a phone provider)", content: { "application/json": { schema: CreatePhoneCallOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const createOrgTeamEventTypePhoneCallOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const call = await createTeamEventTypePhoneCall(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(call), 201);
  },
});

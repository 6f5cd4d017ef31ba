import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetRoutingFormsOutputSchema } from "../../../../src/routing-forms/output";
import { ListTeamRoutingFormsQuery } from "../../../../src/routing-forms/schemas";
import { listTeamRoutingForms } from "../../../../src/routing-forms/service";
import { OrgTeamParams } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/routing-forms",
  operationId: "OrganizationsTeamsRoutingFormsController_getTeamRoutingForms",
  summary: "Get team routing forms",
  description: "TEAM_ADMIN of the team or an org ADMIN/OWNER (or `routingForm.read` with PBAC). A team of another organization is a 404.",
  tags: ["Orgs / Teams / Routing forms"],
  request: { params: OrgTeamParams, query: ListTeamRoutingFormsQuery },
  responses: {
    200: { description: "The team's forms", content: { "application/json": { schema: GetRoutingFormsOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listTeamRoutingFormsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listTeamRoutingForms(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});

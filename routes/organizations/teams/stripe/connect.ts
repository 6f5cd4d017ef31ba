import { createRoute } from "@hono/zod-openapi";
import { AuthUrlQuery } from "../../../../src/conferencing/schemas";
import { apiBaseOf } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { StripConnectOutputResponseSchema } from "../../../../src/stripe/output";
import { getStripeConnectUrl, stripeTeamOwner } from "../../../../src/stripe/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/stripe/connect",
  operationId: "OrganizationsStripeController_getTeamStripeConnectUrl",
  summary: "Get Stripe connect URL for a team",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. Stripe's Connect authorize URL for the team; its signed `state` names the caller and the team. Stripe redirects to GET /v2/stripe/save, which stores the account on the team and redirects to `returnTo` (default: the request's Origin) or, on any failure, `onErrorReturnTo`.",
  tags: ["Orgs / Teams / Stripe"],
  request: { params: pathParams(OrgIdParams, TeamIdParams), query: AuthUrlQuery },
  responses: {
    200: { description: "The authorize URL", content: { "application/json": { schema: StripConnectOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const getTeamStripeConnectUrlOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const ids = c.req.valid("param");
    await stripeTeamOwner(deps, actorOf(c), ids);
    const data = await getStripeConnectUrl(deps, actorOf(c), {
      ...c.req.valid("query"),
      origin: c.req.header("origin"),
      apiBase: apiBaseOf(deps, c.req.url),
      team: { orgId: ids.orgId, teamId: ids.teamId },
    });
    return c.json(success(data), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, SUCCESS, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { StripCredentialsCheckOutputResponseSchema } from "../../../../src/stripe/output";
import { checkStripeAccount, stripeTeamOwner } from "../../../../src/stripe/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/stripe/check",
  operationId: "OrganizationsStripeController_checkTeamStripeConnection",
  summary: "Check team Stripe connection",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. Whether the team's connected Stripe account can take payments: 404 without a connection, 400 when it is invalid or the account has charges or payouts disabled.",
  tags: ["Orgs / Teams / Stripe"],
  request: { params: pathParams(OrgIdParams, TeamIdParams) },
  responses: {
    200: { description: "The account is connected and active", content: { "application/json": { schema: StripCredentialsCheckOutputResponseSchema } } },
    ...errorResponses(400, 403, 404, 503),
  },
});

export const checkTeamStripeConnectionOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    await checkStripeAccount(deps, await stripeTeamOwner(deps, actorOf(c), c.req.valid("param")));
    return c.json({ status: SUCCESS }, 200);
  },
});

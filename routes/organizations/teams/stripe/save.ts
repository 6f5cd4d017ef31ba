import { createRoute } from "@hono/zod-openapi";
import { OAuthCallbackQuery } from "../../../../src/conferencing/schemas";
import { apiBaseOf } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { saveStripeAccount, stripeTeamOwner } from "../../../../src/stripe/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/stripe/save",
  operationId: "OrganizationsStripeController_save",
  summary: "Save Stripe credentials",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. Saves the team's Stripe account from Stripe's `code` and a `state` issued to the caller for this team, and answers 301 to the state's `returnTo`; every failure answers 301 to `onErrorReturnTo`. Only a missing `state` is a 400. (Stripe itself redirects to GET /v2/stripe/save, which does the same for team states.)",
  tags: ["Orgs / Teams / Stripe"],
  request: { params: pathParams(OrgIdParams, TeamIdParams), query: OAuthCallbackQuery },
  responses: { 301: { description: "Redirect to returnTo (success) or onErrorReturnTo (any failure)" }, ...errorResponses(400, 403, 404) },
});

export const saveTeamStripeCredentialsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const ids = c.req.valid("param");
    // The guard chain answers first (403/404 as JSON), as on every org-team route; only then the redirect.
    await stripeTeamOwner(deps, actorOf(c), ids);
    const url = await saveStripeAccount(
      deps,
      { ...c.req.valid("query"), apiBase: apiBaseOf(deps, c.req.url) },
      { actor: actorOf(c), team: { orgId: ids.orgId, teamId: ids.teamId } },
    );
    return c.redirect(url, 301);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { OAuthAppParams, OAuthCallbackQuery } from "../../../../src/conferencing/schemas";
import { apiBaseOf, handleOAuthCallback, orgTeamOwner } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, TeamIdParams, pathParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing/{app}/oauth/callback",
  operationId: "OrganizationsConferencingController_saveTeamOauthCredentials",
  summary: "Save conferencing app OAuth credentials",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. The provider's redirect: exchanges `code` at the provider's token endpoint, stores the team's credential (encrypted) in place of any earlier one of the app, and answers 301 to the state's `returnTo`; every failure answers 301 to `onErrorReturnTo`. Only a missing `state` is a 400.",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), OAuthAppParams), query: OAuthCallbackQuery },
  responses: { 301: { description: "Redirect to returnTo (success) or onErrorReturnTo (any failure)" }, ...errorResponses(400) },
});

export const saveTeamConferencingOAuthCredentialsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;

    const ids = c.req.valid("param");
    // The guard chain answers first (403/404 as JSON), as on every org-team route; only then the redirect.
    await orgTeamOwner(deps, actorOf(c), ids);
    const url = await handleOAuthCallback(
      deps,
      { ...c.req.valid("query"), app: ids.app, apiBase: apiBaseOf(deps, c.req.url) },
      { actor: actorOf(c), team: { orgId: ids.orgId, teamId: ids.teamId } },
    );
    return c.redirect(url, 301);
  },
});

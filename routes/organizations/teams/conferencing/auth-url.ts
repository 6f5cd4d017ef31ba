import { createRoute } from "@hono/zod-openapi";
import { OAuthUrlOutputResponseSchema } from "../../../../src/conferencing/output";
import { AuthUrlQuery, OAuthAppParams } from "../../../../src/conferencing/schemas";
import { apiBaseOf, getOAuthUrl, orgTeamOwner } from "../../../../src/conferencing/service";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, TeamIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/conferencing/{app}/oauth/auth-url",
  operationId: "OrganizationsConferencingController_getTeamOAuthUrl",
  summary: "Get OAuth conferencing app's auth URL for a team",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. The authorize URL of `zoom` or `msteams` for the team. Its `state` is signed and names the caller (Cal.com puts the caller's credential in it); the provider redirects to GET /v2/conferencing/{app}/oauth/callback, which then redirects to `returnTo` (default: the request's Origin) or, on any failure, `onErrorReturnTo`.",
  tags: ["Orgs / Teams / Conferencing"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), OAuthAppParams), query: AuthUrlQuery },
  responses: { 200: { description: "The authorize URL", content: { "application/json": { schema: OAuthUrlOutputResponseSchema } } }, ...errorResponses(404) },
});

export const getTeamConferencingOAuthUrlOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;

    const ids = c.req.valid("param");
    const query = c.req.valid("query");
    await orgTeamOwner(deps, actorOf(c), ids);
    const data = await getOAuthUrl(deps, actorOf(c), {
      app: ids.app,
      ...query,
      origin: c.req.header("origin"),
      apiBase: apiBaseOf(deps, c.req.url),
      team: { orgId: ids.orgId, teamId: ids.teamId },
    });
    return c.json(success(data), 200);
  },
});

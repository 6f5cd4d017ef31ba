import { createRoute } from "@hono/zod-openapi";
import { OAuthUrlOutputResponseSchema } from "../../src/conferencing/output";
import { AuthUrlQuery, OAuthAppParams } from "../../src/conferencing/schemas";
import { apiBaseOf, getOAuthUrl } from "../../src/conferencing/service";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/conferencing/{app}/oauth/auth-url",
  operationId: "ConferencingController_redirect",
  summary: "Get OAuth conferencing app auth URL",
  description:
    "The authorize URL of `zoom` or `msteams` for the caller. Its `state` is signed and names the caller (Cal.com puts the caller's credential in it); the provider redirects to GET /v2/conferencing/{app}/oauth/callback, which then redirects to `returnTo` (default: the request's Origin) or, on any failure, `onErrorReturnTo`.",
  tags: ["Conferencing"],
  request: { params: OAuthAppParams, query: AuthUrlQuery },
  responses: { 200: { description: "The authorize URL", content: { "application/json": { schema: OAuthUrlOutputResponseSchema } } }, ...errorResponses(404) },
});

export const getConferencingOAuthUrlOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;

    const ids = c.req.valid("param");
    const query = c.req.valid("query");

    const data = await getOAuthUrl(deps, actorOf(c), { app: ids.app, ...query, origin: c.req.header("origin"), apiBase: apiBaseOf(deps, c.req.url) });
    return c.json(success(data), 200);
  },
});

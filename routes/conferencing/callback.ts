import { createRoute } from "@hono/zod-openapi";
import { OAuthAppParams, OAuthCallbackQuery } from "../../src/conferencing/schemas";
import { apiBaseOf, handleOAuthCallback } from "../../src/conferencing/service";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/conferencing/{app}/oauth/callback",
  operationId: "ConferencingController_save",
  summary: "Conferencing app OAuth callback",
  description:
    "The provider's redirect: exchanges `code` at the provider's token endpoint, stores the caller's credential (encrypted) in place of any earlier one of the app, and answers 301 to the state's `returnTo`; every failure answers 301 to `onErrorReturnTo`. Only a missing `state` is a 400.",
  tags: ["Conferencing"],
  request: { params: OAuthAppParams, query: OAuthCallbackQuery },
  responses: { 301: { description: "Redirect to returnTo (success) or onErrorReturnTo (any failure)" }, ...errorResponses(400) },
});

export const saveConferencingOAuthCredentialsOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const deps = c.var.deps;

    const url = await handleOAuthCallback(deps, { ...c.req.valid("query"), app: c.req.valid("param").app, apiBase: apiBaseOf(deps, c.req.url) });
    return c.redirect(url, 301);
  },
});

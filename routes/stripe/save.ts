import { createRoute } from "@hono/zod-openapi";
import { OAuthCallbackQuery } from "../../src/conferencing/schemas";
import { apiBaseOf } from "../../src/conferencing/service";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { saveStripeAccount } from "../../src/stripe/service";

const route = createRoute({
  method: "get",
  path: "/v2/stripe/save",
  operationId: "StripeController_save",
  summary: "Save Stripe credentials",
  description:
    "Stripe's redirect after the Connect consent screen, for users and organization teams alike: exchanges `code` at Stripe's token endpoint, reads the account's default currency, stores the credential (encrypted) in place of any earlier one, and answers 301 to the state's `returnTo`; every failure, including the user's `access_denied`, answers 301 to `onErrorReturnTo`. Only a missing `state` is a 400.",
  tags: ["Stripe"],
  request: { query: OAuthCallbackQuery },
  responses: { 301: { description: "Redirect to returnTo (success) or onErrorReturnTo (any failure)" }, ...errorResponses(400) },
});

export const saveStripeCredentialsOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const deps = c.var.deps;
    const url = await saveStripeAccount(deps, { ...c.req.valid("query"), apiBase: apiBaseOf(deps, c.req.url) });
    return c.redirect(url, 301);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { AuthUrlQuery } from "../../src/conferencing/schemas";
import { apiBaseOf } from "../../src/conferencing/service";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { StripConnectOutputResponseSchema } from "../../src/stripe/output";
import { getStripeConnectUrl } from "../../src/stripe/service";

const route = createRoute({
  method: "get",
  path: "/v2/stripe/connect",
  operationId: "StripeController_redirect",
  summary: "Get Stripe connect URL",
  description:
    "Stripe's Connect authorize URL for the caller. Its `state` is signed and names the caller (Cal.com puts the caller's credential in it); Stripe redirects to GET /v2/stripe/save, which then redirects to `returnTo` (default: the request's Origin) or, on any failure, `onErrorReturnTo`.",
  tags: ["Stripe"],
  request: { query: AuthUrlQuery },
  responses: {
    200: { description: "The authorize URL", content: { "application/json": { schema: StripConnectOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const getStripeConnectUrlOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const data = await getStripeConnectUrl(deps, actorOf(c), { ...c.req.valid("query"), origin: c.req.header("origin"), apiBase: apiBaseOf(deps, c.req.url) });
    return c.json(success(data), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { StripCredentialsCheckOutputResponseSchema } from "../../src/stripe/output";
import { checkStripeAccount, stripeUserOwner } from "../../src/stripe/service";

const route = createRoute({
  method: "get",
  path: "/v2/stripe/check",
  operationId: "StripeController_check",
  summary: "Check Stripe connection",
  description:
    "Whether the caller's connected Stripe account can take payments: 404 without a connection, 400 when it is invalid or the account has charges or payouts disabled.",
  tags: ["Stripe"],
  responses: {
    200: { description: "The account is connected and active", content: { "application/json": { schema: StripCredentialsCheckOutputResponseSchema } } },
    ...errorResponses(400, 404, 503),
  },
});

export const checkStripeConnectionOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await checkStripeAccount(c.var.deps, stripeUserOwner(actorOf(c)));
    return c.json({ status: SUCCESS }, 200);
  },
});

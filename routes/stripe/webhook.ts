import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { handleStripeEvent, verifyStripeEvent } from "../../src/stripe/webhook";

const route = createRoute({
  method: "post",
  path: "/v2/stripe/webhook",
  operationId: "StripeWebhookController_receive",
  summary: "Receive Stripe webhook events",
  description:
    "Ours (Cal.com receives Stripe's events in its web app): the endpoint to register with Stripe for `checkout.session.completed` and `payment_intent.succeeded` (connected accounts' events). The `Stripe-Signature` header must verify against STRIPE_WEBHOOK_SECRET over the raw body within 5 minutes (400 otherwise). A paid booking becomes accepted and paid; other events are acknowledged and ignored.",
  tags: ["Stripe"],
  responses: {
    200: {
      description: "The event was received",
      content: { "application/json": { schema: z.object({ received: z.literal(true), outcome: z.enum(["paid", "already-paid", "ignored"]) }) } },
    },
    ...errorResponses(400),
  },
});

export const receiveStripeWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const deps = c.var.deps;
    const event = await verifyStripeEvent(deps, await c.req.text(), c.req.header("stripe-signature"));
    return c.json({ received: true as const, outcome: await handleStripeEvent(deps, event) }, 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success, WebhookIdParams } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { listWebhookDeliveries } from "../../src/webhooks/deliveries";
import { OUR_ADDITION, WebhookDeliveriesOutputResponseSchema, WHOSE_WEBHOOKS } from "../../src/webhooks/output";
import { WebhookDeliveriesQuery } from "../../src/webhooks/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/webhooks/{webhookId}/deliveries",
  operationId: "WebhookDeliveries_list",
  summary: "Get a webhook's delivery log (not in Cal.com)",
  description: `${OUR_ADDITION} ${WHOSE_WEBHOOKS}\n\nNewest first. Each delivery is one event sent to this webhook: its status, attempts, last response code, error and timings. The log keeps WEBHOOK_DELIVERY_RETENTION_DAYS days (30 by default). \`data.webhook\` says whether the webhook is active and, if it was disabled after failing continuously, since when and why.`,
  tags: ["Webhooks"],
  request: { params: WebhookIdParams, query: WebhookDeliveriesQuery },
  responses: {
    200: { description: "The delivery log", content: { "application/json": { schema: WebhookDeliveriesOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const listWebhookDeliveriesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("query") };
    return c.json(success(await listWebhookDeliveries(c.var.deps, actorOf(c), input)), 200);
  },
});

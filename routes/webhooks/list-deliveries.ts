import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { loadWebhookOfCaller } from "../../src/webhooks/ownership";
import {
  DELIVERY_STATUSES,
  deliverySelect,
  OUR_ADDITION,
  STATUS_TO_DB,
  toDeliveryOutput,
  toWebhookHealth,
  WebhookDeliveryOutputSchema,
  WebhookHealthSchema,
  WHOSE_WEBHOOKS,
} from "./delivery-schemas";
import { WebhookIdParamsSchema } from "./webhook-schemas";

const QuerySchema = z.object({
  take: z.coerce.number().int().min(1).max(250).optional().openapi({ description: "Maximum number of deliveries to return (default 50)" }),
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "Number of deliveries to skip" }),
  status: z.enum(DELIVERY_STATUSES).optional().openapi({ description: "Only deliveries in this state" }),
});

export const WebhookDeliveriesOutputResponseSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({ webhook: WebhookHealthSchema, deliveries: z.array(WebhookDeliveryOutputSchema) }),
  })
  .openapi("WebhookDeliveriesOutputResponse");

const route = createRoute({
  method: "get",
  path: "/v2/webhooks/{webhookId}/deliveries",
  operationId: "WebhookDeliveries_list",
  summary: "Get a webhook's delivery log (not in Cal.com)",
  description: `${OUR_ADDITION} ${WHOSE_WEBHOOKS}\n\nNewest first. Each delivery is one event sent to this webhook: its status, attempts, last response code, error and timings. The log keeps WEBHOOK_DELIVERY_RETENTION_DAYS days (30 by default). \`data.webhook\` says whether the webhook is active and, if it was disabled after failing continuously, since when and why.`,
  tags: ["Webhooks"],
  request: { params: WebhookIdParamsSchema, query: QuerySchema },
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
    const { db } = c.var.deps;
    const webhook = await loadWebhookOfCaller(c, c.req.valid("param").webhookId);
    const { take = 50, skip = 0, status } = c.req.valid("query");
    const deliveries = await db.webhookDelivery.findMany({
      where: { webhookId: webhook.id, ...(status ? { status: STATUS_TO_DB[status] } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take,
      select: deliverySelect,
    });
    return c.json({ status: "success" as const, data: { webhook: toWebhookHealth(webhook), deliveries: deliveries.map(toDeliveryOutput) } }, 200);
  },
});

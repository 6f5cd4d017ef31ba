import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { loadUserWebhook } from "../../src/webhooks/ownership";
import { toUserWebhookOutput, UserWebhookOutputResponseSchema, WebhookIdParamsSchema } from "./webhook-schemas";

const route = createRoute({
  method: "get",
  path: "/v2/webhooks/{webhookId}",
  operationId: "WebhooksController_getWebhook",
  summary: "Get a webhook",
  tags: ["Webhooks"],
  request: { params: WebhookIdParamsSchema },
  responses: {
    200: { description: "The webhook (its secret is never returned)", content: { "application/json": { schema: UserWebhookOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const getWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const webhook = await loadUserWebhook(c.var.deps.db, c.req.valid("param").webhookId, c.var.principal!.userId);
    return c.json({ status: "success" as const, data: toUserWebhookOutput(webhook) }, 200);
  },
});

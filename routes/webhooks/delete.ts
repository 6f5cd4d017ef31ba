import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { loadUserWebhook } from "../../src/webhooks/ownership";
import { deleteOwnedWebhook } from "../../src/webhooks/store";
import { toUserWebhookOutput, UserWebhookOutputResponseSchema, WebhookIdParamsSchema } from "./webhook-schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/webhooks/{webhookId}",
  operationId: "WebhooksController_deleteWebhook",
  summary: "Delete a webhook",
  description: "Returns the deleted webhook. Its delivery log is deleted with it and pending deliveries are dropped.",
  tags: ["Webhooks"],
  request: { params: WebhookIdParamsSchema },
  responses: {
    200: { description: "The deleted webhook", content: { "application/json": { schema: UserWebhookOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { db } = c.var.deps;
    const webhook = await loadUserWebhook(db, c.req.valid("param").webhookId, c.var.principal!.userId);
    return c.json({ status: "success" as const, data: toUserWebhookOutput(await deleteOwnedWebhook(db, webhook)) }, 200);
  },
});

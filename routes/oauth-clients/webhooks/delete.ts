import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { deleteOwnedWebhook } from "../../../src/webhooks/store";
import { ClientWebhookParamsSchema, OAuthClientWebhookOutputResponseSchema, toOAuthClientWebhookOutput } from "../../webhooks/webhook-schemas";
import { manageClientWebhookGuards } from "./guards";

const route = createRoute({
  method: "delete",
  path: "/v2/oauth-clients/{clientId}/webhooks/{webhookId}",
  operationId: "OAuthClientWebhooksController_deleteOAuthClientWebhook",
  summary: "Delete a webhook",
  description: "Returns the deleted webhook. Its delivery log is deleted with it and pending deliveries are dropped.",
  tags: ["Platform / Webhooks"],
  middleware: manageClientWebhookGuards,
  request: { params: ClientWebhookParamsSchema },
  responses: {
    200: { description: "The deleted webhook", content: { "application/json": { schema: OAuthClientWebhookOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOAuthClientWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const webhook = await deleteOwnedWebhook(c.var.deps.db, c.get("guardedWebhook"));
    return c.json({ status: "success" as const, data: toOAuthClientWebhookOutput(webhook) }, 200);
  },
});

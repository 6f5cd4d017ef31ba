import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { ClientWebhookParamsSchema, OAuthClientWebhookOutputResponseSchema, toOAuthClientWebhookOutput } from "../../webhooks/webhook-schemas";
import { readClientWebhookGuards } from "./guards";

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients/{clientId}/webhooks/{webhookId}",
  operationId: "OAuthClientWebhooksController_getOAuthClientWebhook",
  summary: "Get a webhook",
  tags: ["Platform / Webhooks"],
  middleware: readClientWebhookGuards,
  request: { params: ClientWebhookParamsSchema },
  responses: {
    200: { description: "The webhook (its secret is never returned)", content: { "application/json": { schema: OAuthClientWebhookOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const getOAuthClientWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json({ status: "success" as const, data: toOAuthClientWebhookOutput(c.get("guardedWebhook")) }, 200),
});

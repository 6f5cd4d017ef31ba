import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { updateOwnedWebhook } from "../../../src/webhooks/store";
import {
  ClientWebhookParamsSchema,
  OAuthClientWebhookOutputResponseSchema,
  revealsSecret,
  toOAuthClientWebhookOutput,
  UpdateWebhookInputSchema,
} from "../../webhooks/webhook-schemas";
import { manageClientWebhookGuards } from "./guards";

const route = createRoute({
  method: "patch",
  path: "/v2/oauth-clients/{clientId}/webhooks/{webhookId}",
  operationId: "OAuthClientWebhooksController_updateOAuthClientWebhook",
  summary: "Update a webhook",
  description: "Setting `active` to true on a webhook that was disabled after continuous delivery failures re-enables it and clears the reason.",
  tags: ["Platform / Webhooks"],
  middleware: manageClientWebhookGuards,
  request: {
    params: ClientWebhookParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateWebhookInputSchema } } },
  },
  responses: {
    200: { description: "The updated webhook", content: { "application/json": { schema: OAuthClientWebhookOutputResponseSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateOAuthClientWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const input = c.req.valid("json");
    const owner = { kind: "oAuthClient" as const, oAuthClientId: c.get("guardedOAuthClient").id };
    const webhook = await updateOwnedWebhook(c.var.deps.db, c.var.env, owner, c.get("guardedWebhook"), input);
    return c.json({ status: "success" as const, data: toOAuthClientWebhookOutput(webhook, revealsSecret(input)) }, 200);
  },
});

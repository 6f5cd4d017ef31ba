import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { loadUserWebhook } from "../../src/webhooks/ownership";
import { updateOwnedWebhook } from "../../src/webhooks/store";
import { revealsSecret, toUserWebhookOutput, UpdateWebhookInputSchema, UserWebhookOutputResponseSchema, WebhookIdParamsSchema } from "./webhook-schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/webhooks/{webhookId}",
  operationId: "WebhooksController_updateWebhook",
  summary: "Update a webhook",
  description: "Setting `active` to true on a webhook that was disabled after continuous delivery failures re-enables it and clears the reason.",
  tags: ["Webhooks"],
  request: {
    params: WebhookIdParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateWebhookInputSchema } } },
  },
  responses: {
    200: { description: "The updated webhook", content: { "application/json": { schema: UserWebhookOutputResponseSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const input = c.req.valid("json");
    const { db } = c.var.deps;
    const userId = c.var.principal!.userId;
    const current = await loadUserWebhook(db, c.req.valid("param").webhookId, userId);
    const webhook = await updateOwnedWebhook(db, c.var.env, { kind: "user", userId }, current, input);
    return c.json({ status: "success" as const, data: toUserWebhookOutput(webhook, revealsSecret(input)) }, 200);
  },
});

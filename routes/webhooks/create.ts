import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { createOwnedWebhook } from "../../src/webhooks/store";
import { CreateWebhookInputSchema, toUserWebhookOutput, UserWebhookOutputResponseSchema } from "./webhook-schemas";

const route = createRoute({
  method: "post",
  path: "/v2/webhooks",
  operationId: "WebhooksController_createWebhook",
  summary: "Create a webhook",
  description:
    "Deliveries are queued, signed, retried with exponential backoff and logged (see the deliveries endpoints). The `secret` is returned in this response only.",
  tags: ["Webhooks"],
  request: { body: { required: true, content: { "application/json": { schema: CreateWebhookInputSchema } } } },
  responses: {
    201: { description: "The created webhook", content: { "application/json": { schema: UserWebhookOutputResponseSchema } } },
    ...errorResponses(409),
  },
});

export const createWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "user" as const, userId: c.var.principal!.userId };
    const webhook = await createOwnedWebhook(c.var.deps.db, c.var.env, owner, c.req.valid("json"));
    return c.json({ status: "success" as const, data: toUserWebhookOutput(webhook, { revealSecret: true }) }, 201);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { ApiError, errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { assertSubscriberUrlAllowed, assertUserLevelTriggers, uniqueTriggers } from "../../src/webhooks/validation";
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

export const createWebhook = defineOperation({
  route,
  versions: "all",
  auth: { allow: [] },
  handler: async (c) => {
    const input = c.req.valid("json");
    const { db } = c.var.services;
    const userId = c.var.principal!.userId;
    assertUserLevelTriggers(input.triggers);
    assertSubscriberUrlAllowed(c.var.env, input.subscriberUrl);
    const existing = await db.webhook.findFirst({ where: { userId, subscriberUrl: input.subscriberUrl }, select: { id: true } });
    if (existing) throw new ApiError("ConflictException", "Webhook with this subscriber url already exists for this user");
    const webhook = await db.webhook.create({
      data: {
        id: crypto.randomUUID(),
        userId,
        subscriberUrl: input.subscriberUrl,
        eventTriggers: uniqueTriggers(input.triggers),
        active: input.active,
        payloadTemplate: input.payloadTemplate ?? null,
        secret: input.secret ?? null,
      },
    });
    return c.json({ status: "success" as const, data: toUserWebhookOutput(webhook, { revealSecret: true }) }, 201);
  },
});

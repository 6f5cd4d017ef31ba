import { createRoute } from "@hono/zod-openapi";
import { ApiError, errorResponses } from "../../src/errors";
import type { Prisma } from "../../src/generated/prisma/client";
import { defineOperation } from "../../src/operation";
import { loadUserWebhook } from "../../src/webhooks/ownership";
import { assertSubscriberUrlAllowed, assertUserLevelTriggers, uniqueTriggers } from "../../src/webhooks/validation";
import { toUserWebhookOutput, UpdateWebhookInputSchema, UserWebhookOutputResponseSchema, WebhookIdParamsSchema } from "./webhook-schemas";

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

export const updateWebhook = defineOperation({
  route,
  versions: "all",
  auth: { allow: [] },
  handler: async (c) => {
    const input = c.req.valid("json");
    const { db } = c.var.services;
    const current = await loadUserWebhook(db, c.req.valid("param").webhookId, c.var.principal!.userId);
    assertUserLevelTriggers(input.triggers);
    const urlChanged = input.subscriberUrl !== undefined && input.subscriberUrl !== current.subscriberUrl;
    if (urlChanged) {
      assertSubscriberUrlAllowed(c.var.env, input.subscriberUrl!);
      // Cal.com answers this from its Prisma filter (unique userId + subscriberUrl); checked first so the
      // answer does not depend on how the driver reports the unique violation.
      const taken = await db.webhook.findFirst({ where: { userId: current.userId, subscriberUrl: input.subscriberUrl }, select: { id: true } });
      if (taken) throw new ApiError("CONFLICT", "Invalid Input: Trying to create a record that already exists.");
    }

    const data: Prisma.WebhookUpdateInput = {
      subscriberUrl: input.subscriberUrl,
      eventTriggers: input.triggers ? uniqueTriggers(input.triggers) : undefined,
      active: input.active,
      payloadTemplate: input.payloadTemplate,
      secret: input.secret,
    };
    // A new endpoint or an explicit re-activation starts the failure clock (and the disabled reason) afresh.
    if (urlChanged || (input.active === true && !current.active)) Object.assign(data, { failingSince: null });
    if (input.active === true && !current.active) Object.assign(data, { disabledAt: null, disabledReason: null });

    const webhook = await db.webhook.update({ where: { id: current.id }, data });
    return c.json({ status: "success" as const, data: toUserWebhookOutput(webhook, { revealSecret: typeof input.secret === "string" }) }, 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";
import { listOwnedWebhooks } from "../../src/webhooks/store";
import { SkipTakeQuerySchema, toUserWebhookOutput, UserWebhooksOutputResponseSchema } from "./webhook-schemas";

const route = createRoute({
  method: "get",
  path: "/v2/webhooks",
  operationId: "WebhooksController_getWebhooks",
  summary: "Get all webhooks",
  description: "Gets a paginated list of webhooks for the authenticated user.",
  tags: ["Webhooks"],
  request: { query: SkipTakeQuerySchema },
  responses: {
    200: { description: "The caller's webhooks", content: { "application/json": { schema: UserWebhooksOutputResponseSchema } } },
  },
});

export const listWebhooksOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "user" as const, userId: c.var.principal!.userId };
    const webhooks = await listOwnedWebhooks(c.var.deps.db, owner, c.req.valid("query"));
    return c.json({ status: "success" as const, data: webhooks.map((webhook) => toUserWebhookOutput(webhook)) }, 200);
  },
});

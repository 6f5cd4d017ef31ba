import { createRoute, z } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";
import { toUserWebhookOutput, UserWebhooksOutputResponseSchema } from "./webhook-schemas";

// Cal.com's SkipTakePagination.
export const SkipTakeQuerySchema = z.object({
  take: z.coerce.number().int().min(1).max(250).optional().openapi({ description: "Maximum number of items to return", example: 25 }),
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "Number of items to skip", example: 0 }),
});

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

export const listWebhooks = defineOperation({
  route,
  versions: "all",
  auth: { allow: [] },
  handler: async (c) => {
    const { take = 250, skip = 0 } = c.req.valid("query");
    const webhooks = await c.var.services.db.webhook.findMany({
      where: { userId: c.var.principal!.userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip,
      take,
    });
    return c.json({ status: "success" as const, data: webhooks.map((webhook) => toUserWebhookOutput(webhook)) }, 200);
  },
});

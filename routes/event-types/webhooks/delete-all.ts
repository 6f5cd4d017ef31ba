import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { EventTypeIdParamsSchema, userEventTypeWebhookGuard } from "../../../src/webhooks/ownership";
import { deleteAllOwnedWebhooks } from "../../../src/webhooks/store";
import { DeleteManyWebhooksOutputResponseSchema } from "../../webhooks/webhook-schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/event-types/{eventTypeId}/webhooks",
  operationId: "EventTypeWebhooksController_deleteAllEventTypeWebhooks",
  summary: "Delete all webhooks",
  description: 'Returns how many were deleted (`"<n> webhooks deleted"`). Their delivery logs are deleted with them.',
  tags: ["Event Types / Webhooks"],
  middleware: [userEventTypeWebhookGuard],
  request: { params: EventTypeIdParamsSchema },
  responses: {
    200: { description: "How many webhooks were deleted", content: { "application/json": { schema: DeleteManyWebhooksOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteAllEventTypeWebhooksOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "eventType" as const, eventTypeId: c.get("guardedEventTypeId") };
    return c.json({ status: "success" as const, data: await deleteAllOwnedWebhooks(c.var.deps.db, owner) }, 200);
  },
});

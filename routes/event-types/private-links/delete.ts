import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { DeletePrivateLinkOutputSchema } from "../../../src/event-types/output";
import { deletePrivateLink } from "../../../src/event-types/private-links";
import { PrivateLinkParams } from "../../../src/event-types/schemas";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/event-types/{eventTypeId}/private-links/{linkId}",
  operationId: "EventTypesPrivateLinksController_deletePrivateLink",
  summary: "Delete a private link for an event type",
  tags: ["Event Types Private Links"],
  request: { params: PrivateLinkParams },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeletePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deletePrivateLinkOperation = defineOperation({
  route,
  // Cal.com's EventTypesPrivateLinksController declares no version: it answers every one (the contract documents
  // no cal-api-version header for these operations).
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deleted = await deletePrivateLink(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json(success(deleted), 200);
  },
});

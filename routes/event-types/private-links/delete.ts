import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { DeletePrivateLinkOutputSchema, deletePrivateLink } from "../../../src/event-types/private-links";
import { defineOperation } from "../../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../versions";
import { LinkParamsSchema } from "./params";

const route = createRoute({
  method: "delete",
  path: "/v2/event-types/{eventTypeId}/private-links/{linkId}",
  operationId: "EventTypesPrivateLinksController_deletePrivateLink",
  summary: "Delete a private link for an event type",
  tags: ["Event Types Private Links"],
  request: { params: LinkParamsSchema },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeletePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deletePrivateLinkOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const { eventTypeId, linkId } = c.req.valid("param");
    await deletePrivateLink(c.var.deps.db, c.var.principal!.userId, eventTypeId, linkId);
    return c.json({ status: "success" as const, data: { linkId, message: "Private link deleted successfully" } }, 200);
  },
});

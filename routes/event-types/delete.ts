import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { DeleteEventTypeOutputSchema } from "../../src/event-types/output";
import { deleteEventType } from "../../src/event-types/store";
import { EventTypeIdParams, success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../../src/event-types/versions";

const route = createRoute({
  method: "delete",
  path: "/v2/event-types/{eventTypeId}",
  operationId: "EventTypesController_2024_06_14_deleteEventType",
  summary: "Delete an event type",
  description: "Unknown id: 404. Someone else's event type: 403, as Cal.com answers.",
  tags: ["Event Types"],
  request: { params: EventTypeIdParams },
  responses: {
    200: { description: "What was deleted", content: { "application/json": { schema: DeleteEventTypeOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteEventTypeOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const deleted = await deleteEventType(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json(success(deleted), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { UpdateEventTypeOutputSchema } from "../../src/event-types/output";
import { UpdateEventTypeInputSchema } from "../../src/event-types/schemas";
import { updateEventType } from "../../src/event-types/store";
import { EventTypeIdParams, success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../../src/event-types/versions";

const route = createRoute({
  method: "patch",
  path: "/v2/event-types/{eventTypeId}",
  operationId: "EventTypesController_2024_06_14_updateEventType",
  summary: "Update an event type",
  description: "Changes only the fields in the body. Someone else's event type is a 404; a slug clash is a 409.",
  tags: ["Event Types"],
  request: {
    params: EventTypeIdParams,
    body: { required: true, content: { "application/json": { schema: UpdateEventTypeInputSchema } } },
  },
  responses: {
    200: { description: "The updated event type", content: { "application/json": { schema: UpdateEventTypeOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateEventTypeOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const eventType = await updateEventType(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(eventType), 200);
  },
});

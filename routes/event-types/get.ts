import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { GetEventTypeOutputSchema } from "../../src/event-types/output";
import { getOwnedEventType } from "../../src/event-types/store";
import { EventTypeIdParams, success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../../src/event-types/versions";

const route = createRoute({
  method: "get",
  path: "/v2/event-types/{eventTypeId}",
  operationId: "EventTypesController_2024_06_14_getEventTypeById",
  summary: "Get an event type",
  description: "Only the owner may read an event type by id; for anyone else it does not exist (404).",
  tags: ["Event Types"],
  request: { params: EventTypeIdParams },
  responses: {
    200: { description: "The event type", content: { "application/json": { schema: GetEventTypeOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getEventTypeOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const eventType = await getOwnedEventType(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json(success(eventType), 200);
  },
});

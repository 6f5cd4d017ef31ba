import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { GetEventTypeOutputSchema } from "../../src/event-types/output";
import { EventTypeIdParamSchema } from "../../src/event-types/schemas";
import { getOwnedEventType } from "../../src/event-types/store";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "./versions";

const route = createRoute({
  method: "get",
  path: "/v2/event-types/{eventTypeId}",
  operationId: "EventTypesController_2024_06_14_getEventTypeById",
  summary: "Get an event type",
  description: "Only the owner may read an event type by id; for anyone else it does not exist (404).",
  tags: ["Event Types"],
  request: { params: EventTypeIdParamSchema },
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
    const { eventTypeId } = c.req.valid("param");
    const data = await getOwnedEventType(c.var.deps.db, c.var.principal!.userId, eventTypeId, c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 200);
  },
});

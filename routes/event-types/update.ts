import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { UpdateEventTypeOutputSchema } from "../../src/event-types/output";
import { EventTypeIdParamSchema, UpdateEventTypeInputSchema } from "../../src/event-types/schemas";
import { updateEventType } from "../../src/event-types/store";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "./versions";

const route = createRoute({
  method: "patch",
  path: "/v2/event-types/{eventTypeId}",
  operationId: "EventTypesController_2024_06_14_updateEventType",
  summary: "Update an event type",
  description: "Changes only the fields in the body. Someone else's event type is a 404; a slug clash is a 409.",
  tags: ["Event Types"],
  request: {
    params: EventTypeIdParamSchema,
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
    const { eventTypeId } = c.req.valid("param");
    const data = await updateEventType(c.var.deps.db, c.var.principal!.userId, eventTypeId, c.req.valid("json"), c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 200);
  },
});

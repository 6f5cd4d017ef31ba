import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { CreateEventTypeOutputSchema } from "../../src/event-types/output";
import { CreateEventTypeInputSchema } from "../../src/event-types/schemas";
import { createEventType } from "../../src/event-types/store";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../../src/event-types/versions";

const route = createRoute({
  method: "post",
  path: "/v2/event-types",
  operationId: "EventTypesController_2024_06_14_createEventType",
  summary: "Create an event type",
  description:
    "A slug already used by one of the caller's event types is a 400 (Cal.com's message); omitted locations mean Cal Video; omitted booking fields mean Cal.com's system fields.",
  tags: ["Event Types"],
  request: { body: { required: true, content: { "application/json": { schema: CreateEventTypeInputSchema } } } },
  responses: {
    201: { description: "The created event type", content: { "application/json": { schema: CreateEventTypeOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createEventTypeOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const eventType = await createEventType(c.var.deps, actorOf(c), c.req.valid("json"));
    return c.json(success(eventType), 201);
  },
});

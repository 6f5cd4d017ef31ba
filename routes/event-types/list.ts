import { createRoute } from "@hono/zod-openapi";
import { GetEventTypesOutputSchema } from "../../src/event-types/output";
import { GetEventTypesQuerySchema } from "../../src/event-types/schemas";
import { listEventTypes } from "../../src/event-types/store";
import { success } from "../../src/http/common";
import { optionalActorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../../src/event-types/versions";

const route = createRoute({
  method: "get",
  path: "/v2/event-types",
  operationId: "EventTypesController_2024_06_14_getEventTypes",
  summary: "Get all event types",
  description:
    "Public lookups need no credentials: `username` (+ `eventSlug`) or `usernames` for a dynamic group event. Hidden event types are returned only to their owner; without a filter, the caller's own event types (none when anonymous).",
  tags: ["Event Types"],
  request: { query: GetEventTypesQuerySchema },
  responses: {
    200: { description: "Event types", content: { "application/json": { schema: GetEventTypesOutputSchema } } },
  },
});

export const listEventTypesOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const eventTypes = await listEventTypes(c.var.deps, optionalActorOf(c), c.req.valid("query"));
    return c.json(success(eventTypes), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { CreateEventTypeOutputSchema } from "../../src/event-types/output";
import { CreateEventTypeInputSchema } from "../../src/event-types/schemas";
import { createEventType } from "../../src/event-types/store";
import { defineOperation } from "../../src/operation";
import { EVENT_TYPES_VERSIONS } from "./versions";

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
    const data = await createEventType(c.var.deps.db, c.var.principal!.userId, c.req.valid("json"), c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 201);
  },
});

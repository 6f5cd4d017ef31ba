import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { GetPrivateLinksOutputSchema, listPrivateLinks } from "../../../src/event-types/private-links";
import { defineOperation } from "../../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../versions";
import { EventTypeParamSchema } from "./params";

const route = createRoute({
  method: "get",
  path: "/v2/event-types/{eventTypeId}/private-links",
  operationId: "EventTypesPrivateLinksController_getPrivateLinks",
  summary: "Get all private links for an event type",
  tags: ["Event Types Private Links"],
  request: { params: EventTypeParamSchema },
  responses: {
    200: { description: "The private links", content: { "application/json": { schema: GetPrivateLinksOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listPrivateLinksOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const { eventTypeId } = c.req.valid("param");
    const data = await listPrivateLinks(c.var.deps.db, c.var.principal!.userId, eventTypeId, c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { GetPrivateLinksOutputSchema } from "../../../src/event-types/output";
import { listPrivateLinks } from "../../../src/event-types/private-links";
import { EventTypeIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/event-types/{eventTypeId}/private-links",
  operationId: "EventTypesPrivateLinksController_getPrivateLinks",
  summary: "Get all private links for an event type",
  tags: ["Event Types Private Links"],
  request: { params: EventTypeIdParams },
  responses: {
    200: { description: "The private links", content: { "application/json": { schema: GetPrivateLinksOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listPrivateLinksOperation = defineOperation({
  route,
  // Cal.com's EventTypesPrivateLinksController declares no version: it answers every one (the contract documents
  // no cal-api-version header for these operations).
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const links = await listPrivateLinks(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json(success(links), 200);
  },
});

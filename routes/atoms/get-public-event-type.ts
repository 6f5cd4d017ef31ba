import { createRoute } from "@hono/zod-openapi";
import { GetPublicEventTypeOutputSchema } from "../../src/atoms/output";
import { getPublicEvent } from "../../src/atoms/public-event";
import { GetPublicEventTypeQuerySchema, PublicEventTypeParams } from "../../src/atoms/schemas";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/atoms/event-types/{eventSlug}/public",
  operationId: "AtomsEventTypesController_getPublicEventType",
  summary: "Public event type for the atoms' Booker",
  description:
    "Called by Cal.com's React Booker (`@calcom/atoms`) to render an event: Cal.com's internal event shape (length, locations, booking form, " +
    "duration options, schedule zone) with the host's profile. Public. `username` is required unless `isTeamEvent=true` (then `teamId`); " +
    "`orgId` looks the user up inside that organisation.",
  tags: ["Atoms"],
  request: {
    params: PublicEventTypeParams,
    query: GetPublicEventTypeQuerySchema,
  },
  responses: {
    200: { description: "The public event", content: { "application/json": { schema: GetPublicEventTypeOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getAtomsPublicEventTypeOperation = defineOperation({
  route,
  // Cal.com's AtomsEventTypesController serves every version (API_VERSIONS_VALUES) and has no guard on this route.
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const event = await getPublicEvent(c.var.deps, { ...c.req.valid("param"), ...c.req.valid("query") });
    return c.json(success(event), 200);
  },
});

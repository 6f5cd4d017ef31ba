import { createRoute } from "@hono/zod-openapi";
import { CreateIcsFeedOutputSchema } from "../../src/calendars/output";
import { CreateIcsFeedBody } from "../../src/calendars/schemas";
import { saveIcsFeed } from "../../src/calendars/service";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/calendars/ics-feed/save",
  operationId: "CalendarsController_createIcsFeed",
  summary: "Save an ICS feed",
  description:
    "Connects read-only ICS feeds (http URLs, or https URLs ending in .ics). Every feed is fetched first; one that cannot be read " +
    "answers 400. The caller has one ICS credential: saving again replaces its feeds. No calendar is selected for conflict checking.",
  tags: ["Calendars"],
  request: { body: { required: true, content: { "application/json": { schema: CreateIcsFeedBody } } } },
  responses: {
    201: { description: "The ICS feed credential", content: { "application/json": { schema: CreateIcsFeedOutputSchema } } },
  },
});

export const saveIcsFeedOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await saveIcsFeed(c.var.deps, actorOf(c), c.req.valid("json"))), 201),
});

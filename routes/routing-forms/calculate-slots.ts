import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { ResponseSlotsOutputSchema } from "../../src/routing-forms/output";
import { CalculateSlotsQuery, RoutingFormAnswersSchema, RoutingFormIdParams } from "../../src/routing-forms/schemas";
import { calculateRoutingFormSlots } from "../../src/routing-forms/service";

const route = createRoute({
  method: "post",
  path: "/v2/routing-forms/{routingFormId}/calculate-slots",
  operationId: "RoutingFormsController_calculateSlotsBasedOnRoutingFormResponse",
  summary: "Calculate slots based on routing form response",
  description:
    "Any authenticated caller (the contract requires credentials; Cal.com serves it without). A dry run: the answers in the body are " +
    "checked and routed like a response, nothing is stored, and a team event type route answers the event type and its slots; " +
    "any other route is a 404.",
  tags: ["Routing forms"],
  request: {
    params: RoutingFormIdParams,
    query: CalculateSlotsQuery,
    body: { required: false, content: { "application/json": { schema: RoutingFormAnswersSchema } } },
  },
  responses: {
    200: { description: "The routed event type and its slots", content: { "application/json": { schema: ResponseSlotsOutputSchema } } },
    ...errorResponses(400, 404),
  },
});

export const calculateRoutingFormSlotsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) =>
    c.json(
      success(
        await calculateRoutingFormSlots(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query"), body: c.req.valid("json") ?? {} }),
      ),
      200,
    ),
});

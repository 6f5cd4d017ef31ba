import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { BookingReferencesOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, ReferencesQuerySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { actorOf } from "../../../src/http/context";
import { getBookingReferences } from "../../../src/bookings/references";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "get",
  path: "/v2/bookings/{bookingUid}/references",
  operationId: "BookingsController_2024_08_13_getBookingReferences",
  summary: "Get booking references",
  description: "The booking's calendar and video references, for its host (anyone else: Cal.com's 400).",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema, query: ReferencesQuerySchema },
  responses: {
    200: { description: "The references", content: { "application/json": { schema: BookingReferencesOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getBookingReferencesOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    const data = await getBookingReferences(c.var.deps, actorOf(c), c.req.valid("param").bookingUid, c.req.valid("query").type);
    return c.json(success(data), 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { anyBookingOutput, GetBookingsOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { ListBookingsQuerySchema, listFiltersOf } from "../../../src/bookings/api-2024-08-13/schemas";
import { actorOf } from "../../../src/http/context";
import { listBookings } from "../../../src/bookings/list";
import { paginationMeta } from "../../../src/http/common";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "get",
  path: "/v2/bookings",
  operationId: "BookingsController_2024_08_13_getBookings",
  summary: "Get all bookings",
  description: "The caller's bookings, as host or as attendee (by email), with Cal.com's filters, sorting and skip/take pagination.",
  tags: ["Bookings"],
  request: { query: ListBookingsQuerySchema },
  responses: {
    200: { description: "A page of bookings", content: { "application/json": { schema: GetBookingsOutputSchema } } },
  },
});

export const listBookingsOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    const q = c.req.valid("query");
    const { bookings, totalItems } = await listBookings(c.var.deps, actorOf(c), listFiltersOf(q));
    return c.json(
      {
        status: "success" as const,
        data: bookings.map((booking) => anyBookingOutput(booking, true)),
        pagination: paginationMeta(totalItems, q.skip, q.take),
      },
      200,
    );
  },
});

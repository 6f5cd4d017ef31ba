import { createRoute } from "@hono/zod-openapi";
import { anyBookingOutput, GetBookingsOutputSchema } from "../../../../src/bookings/api-2024-08-13/output";
import { ListBookingsQuerySchema, listFiltersOf } from "../../../../src/bookings/api-2024-08-13/schemas";
import { listOrganizationUserBookings } from "../../../../src/bookings/organization-lists";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, paginationMeta, pathParams, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/users/{userId}/bookings",
  operationId: "OrganizationsUsersBookingsController_getOrganizationUserBookings",
  summary: "Get all bookings for an organization user",
  description:
    "ORG_ADMIN, ESSENTIALS plan for platform organizations; the user must belong to the organization. The bookings the user would see in GET /v2/bookings (as host, co-host or attendee, and of the organization's teams they administer), with the same filters, sorting and pagination.",
  tags: ["Orgs / Users / Bookings"],
  request: { params: pathParams(OrgIdParams, UserIdParams), query: ListBookingsQuerySchema },
  responses: {
    200: { description: "A page of the user's bookings", content: { "application/json": { schema: GetBookingsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listOrganizationUserBookingsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const q = c.req.valid("query");
    const { bookings, totalItems } = await listOrganizationUserBookings(c.var.deps, actorOf(c), { ...c.req.valid("param"), filters: listFiltersOf(q) });
    return c.json(
      { status: "success" as const, data: bookings.map((booking) => anyBookingOutput(booking, true)), pagination: paginationMeta(totalItems, q.skip, q.take) },
      200,
    );
  },
});

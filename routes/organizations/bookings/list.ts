import { createRoute } from "@hono/zod-openapi";
import { anyBookingOutput, GetBookingsOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { listFiltersOf, OrganizationBookingsQuerySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { listOrganizationBookings } from "../../../src/bookings/organization-lists";
import { OrgIdParams, paginationMeta } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/bookings",
  operationId: "OrganizationsBookingsController_getAllOrgTeamBookings",
  summary: "Get organization bookings",
  description:
    "ORG_ADMIN, ESSENTIALS plan for platform organizations. Every booking of the organization's members (as host, co-host or attendee) and of the organization's and its teams' event types, with the filters, sorting and pagination of GET /v2/bookings; `userIds` narrows it to some members (an id outside the organization is a 403). One page and its total are read in one database round trip after the guards'.",
  tags: ["Orgs / Bookings"],
  request: { params: OrgIdParams, query: OrganizationBookingsQuerySchema },
  responses: {
    200: { description: "A page of the organization's bookings", content: { "application/json": { schema: GetBookingsOutputSchema } } },
  },
});

export const listOrganizationBookingsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { userIds, ...q } = c.req.valid("query");
    const { bookings, totalItems } = await listOrganizationBookings(c.var.deps, actorOf(c), {
      orgId: c.req.valid("param").orgId,
      userIds,
      filters: listFiltersOf(q),
    });
    return c.json(
      { status: "success" as const, data: bookings.map((booking) => anyBookingOutput(booking, true)), pagination: paginationMeta(totalItems, q.skip, q.take) },
      200,
    );
  },
});

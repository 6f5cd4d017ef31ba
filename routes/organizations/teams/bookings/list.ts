import { createRoute } from "@hono/zod-openapi";
import { anyBookingOutput, GetBookingsOutputSchema } from "../../../../src/bookings/api-2024-08-13/output";
import { listFiltersOf, OrganizationTeamBookingsQuerySchema } from "../../../../src/bookings/api-2024-08-13/schemas";
import { listOrganizationTeamBookings } from "../../../../src/bookings/organization-lists";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, paginationMeta, pathParams, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/bookings",
  operationId: "OrganizationsTeamsBookingsController_getAllOrgTeamBookings",
  summary: "Get organization team bookings",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), ESSENTIALS plan for platform organizations. The bookings of the team's event types (managed children included), with the filters, sorting and pagination of GET /v2/bookings.",
  tags: ["Orgs / Teams / Bookings"],
  request: { params: pathParams(OrgIdParams, TeamIdParams), query: OrganizationTeamBookingsQuerySchema },
  responses: {
    200: { description: "A page of the team's bookings", content: { "application/json": { schema: GetBookingsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listOrganizationTeamBookingsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const q = c.req.valid("query");
    const { bookings, totalItems } = await listOrganizationTeamBookings(c.var.deps, actorOf(c), { ...c.req.valid("param"), filters: listFiltersOf(q) });
    return c.json(
      { status: "success" as const, data: bookings.map((booking) => anyBookingOutput(booking, true)), pagination: paginationMeta(totalItems, q.skip, q.take) },
      200,
    );
  },
});

import { createRoute } from "@hono/zod-openapi";
import { BookingReferencesOutputSchema } from "../../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, ReferencesQuerySchema } from "../../../../src/bookings/api-2024-08-13/schemas";
import { getOrganizationTeamBookingReferences } from "../../../../src/bookings/organization-lists";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/bookings/{bookingUid}/references",
  operationId: "OrganizationsTeamsBookingsController_getBookingReferences",
  summary: "Get booking references",
  description:
    "TEAM_ADMIN of the team (or an admin of the organization), SCALE plan for platform organizations. The calendar and video references of one of the team's bookings (another booking's uid is a 404, as an unknown one).",
  tags: ["Orgs / Teams / Bookings"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), BookingUidParamSchema), query: ReferencesQuerySchema },
  responses: {
    200: { description: "The references", content: { "application/json": { schema: BookingReferencesOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getOrganizationTeamBookingReferencesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    const data = await getOrganizationTeamBookingReferences(c.var.deps, actorOf(c), { ...c.req.valid("param"), type: c.req.valid("query").type });
    return c.json(success(data), 200);
  },
});

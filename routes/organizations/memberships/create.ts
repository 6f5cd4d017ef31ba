import { createRoute } from "@hono/zod-openapi";
import { CreateOrgMembershipOutputSchema } from "../../../src/organizations/memberships/output";
import { CreateOrgMembershipInputSchema } from "../../../src/organizations/memberships/schemas";
import { createOrgMembership } from "../../../src/organizations/memberships/service";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/memberships",
  operationId: "OrganizationsMembershipsController_createMembership",
  summary: "Create a membership",
  description:
    "ORG_ADMIN; only an OWNER grants the OWNER role or changes an OWNER. Creates or updates (role, accepted, disableImpersonation) the user's membership of the organization, as Cal.com does: no 409. A managed user joins only its OAuth client's organization and a regular user only an organization without OAuth clients (400); a user of another organization is a 409, an unknown user a 404.",
  tags: ["Orgs / Memberships"],
  request: { params: OrgIdParams, body: { required: true, content: { "application/json": { schema: CreateOrgMembershipInputSchema } } } },
  responses: {
    201: { description: "Create a membership", content: { "application/json": { schema: CreateOrgMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createOrgMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createOrgMembership(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});

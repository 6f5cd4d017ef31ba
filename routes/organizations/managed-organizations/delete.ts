import { createRoute } from "@hono/zod-openapi";
import { ManagedOrganizationIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { GetManagedOrganizationOutputSchema } from "../../../src/managed-organizations/output";
import { deleteManagedOrganization } from "../../../src/managed-organizations/service";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/organizations/{managedOrganizationId}",
  operationId: "OrganizationsOrganizationsController_deleteOrganization",
  summary: "Delete an organization within an organization",
  description:
    "Requires the user to have at least the 'ORG_ADMIN' role within the organization. Additionally, for platform, the plan must be 'SCALE' or higher to access this endpoint. The organization must be one this organization manages (403 otherwise). Its teams, memberships, OAuth clients, API keys and webhooks go with it.",
  tags: ["Managed Orgs"],
  request: { params: pathParams(OrgIdParams, ManagedOrganizationIdParams) },
  responses: {
    200: { description: "The managed organization", content: { "application/json": { schema: GetManagedOrganizationOutputSchema } } },
  },
});

export const deleteManagedOrganizationOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteManagedOrganization(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});

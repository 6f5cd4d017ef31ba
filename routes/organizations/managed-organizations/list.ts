import { createRoute } from "@hono/zod-openapi";
import { OrgIdParams, SUCCESS } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { GetManagedOrganizationsOutputSchema } from "../../../src/managed-organizations/output";
import { ListManagedOrganizationsQuerySchema } from "../../../src/managed-organizations/schemas";
import { listManagedOrganizations } from "../../../src/managed-organizations/service";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/organizations",
  operationId: "OrganizationsOrganizationsController_getOrganizations",
  summary: "Get all organizations within an organization",
  description:
    "Requires the user to have at least the 'ORG_ADMIN' role within the organization. Additionally, for platform, the plan must be 'SCALE' or higher to access this endpoint. Ordered by id; metadataKey and metadataValue go together.",
  tags: ["Managed Orgs"],
  request: { params: OrgIdParams, query: ListManagedOrganizationsQuerySchema },
  responses: {
    200: { description: "A page of the managed organizations", content: { "application/json": { schema: GetManagedOrganizationsOutputSchema } } },
  },
});

export const listManagedOrganizationsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { organizations, pagination } = await listManagedOrganizations(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") });
    return c.json({ status: SUCCESS, data: organizations, pagination }, 200);
  },
});

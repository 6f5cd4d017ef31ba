import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { CreateManagedOrganizationOutputSchema } from "../../../src/managed-organizations/output";
import { CreateManagedOrganizationInputSchema } from "../../../src/managed-organizations/schemas";
import { createManagedOrganization } from "../../../src/managed-organizations/service";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/organizations",
  operationId: "OrganizationsOrganizationsController_createOrganization",
  summary: "Create an organization within an organization",
  description:
    "Requires the user to have at least the 'ORG_ADMIN' role within the organization. Additionally, for platform, the plan must be 'SCALE' or higher to access this endpoint. The manager must be a platform organization. The caller becomes the new organization's OWNER and receives an API key scoped to it (shown only in this response).",
  tags: ["Managed Orgs"],
  request: {
    params: OrgIdParams,
    body: { required: true, content: { "application/json": { schema: CreateManagedOrganizationInputSchema } } },
  },
  responses: {
    201: { description: "The managed organization and its API key", content: { "application/json": { schema: CreateManagedOrganizationOutputSchema } } },
    ...errorResponses(409),
  },
});

export const createManagedOrganizationOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createManagedOrganization(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});

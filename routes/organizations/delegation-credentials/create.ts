import { createRoute } from "@hono/zod-openapi";
import { CreateDelegationCredentialOutputSchema } from "../../../src/delegation-credentials/output";
import { CreateDelegationCredentialInputSchema } from "../../../src/delegation-credentials/schemas";
import { createDelegationCredential } from "../../../src/delegation-credentials/service";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/delegation-credentials",
  operationId: "OrganizationsDelegationCredentialController_createDelegationCredential",
  summary: "Save delegation credentials for your organization",
  description:
    "Stores a Google Workspace or Microsoft 365 service account key for a domain of the organization, encrypted and disabled (enable it with PATCH). Requires ORG_ADMIN (or the `organization.update` permission where PBAC is on) and, for platform organizations, the SCALE plan. The key is never answered.",
  tags: ["Orgs / Delegation Credentials"],
  request: {
    params: OrgIdParams,
    body: { required: true, content: { "application/json": { schema: CreateDelegationCredentialInputSchema } } },
  },
  responses: {
    201: { description: "The stored delegation credential", content: { "application/json": { schema: CreateDelegationCredentialOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const createDelegationCredentialOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createDelegationCredential(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});

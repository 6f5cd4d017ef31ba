import { createRoute } from "@hono/zod-openapi";
import { UpdateDelegationCredentialOutputSchema } from "../../../src/delegation-credentials/output";
import { DelegationCredentialIdParams, UpdateDelegationCredentialInputSchema } from "../../../src/delegation-credentials/schemas";
import { updateDelegationCredential } from "../../../src/delegation-credentials/service";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/delegation-credentials/{credentialId}",
  operationId: "OrganizationsDelegationCredentialController_updateDelegationCredential",
  summary: "Update delegation credentials of your organization",
  description:
    "Switches one of the organization's delegation credentials on or off, or replaces its service account key (which switches it off). Same guards as creating one.",
  tags: ["Orgs / Delegation Credentials"],
  request: {
    params: DelegationCredentialIdParams,
    body: { required: true, content: { "application/json": { schema: UpdateDelegationCredentialInputSchema } } },
  },
  responses: {
    200: { description: "The delegation credential", content: { "application/json": { schema: UpdateDelegationCredentialOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const updateDelegationCredentialOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateDelegationCredential(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});

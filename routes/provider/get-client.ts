import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { ProviderVerifyClientOutputSchema } from "../../src/platform/output";
import { verifyProviderClient } from "../../src/platform/provider";
import { ClientParamsSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/provider/{clientId}",
  operationId: "CalProviderController_verifyClientId",
  summary: "Verify an OAuth client id",
  description: "Called by Cal.com's React atoms (CalProvider) before anything else. Public.",
  tags: ["Cal provider"],
  request: { params: ClientParamsSchema },
  responses: {
    200: { description: "The client exists", content: { "application/json": { schema: ProviderVerifyClientOutputSchema } } },
    ...errorResponses(401),
  },
});

export const verifyProviderClientOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => c.json(success(await verifyProviderClient(c.var.deps, c.req.valid("param").clientId)), 200),
});

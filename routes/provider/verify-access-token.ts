import { createRoute } from "@hono/zod-openapi";
import { actorOf } from "../../src/http/context";
import { SUCCESS } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { ProviderVerifyAccessTokenOutputSchema } from "../../src/platform/output";
import { verifyProviderAccessToken } from "../../src/platform/provider";
import { ClientParamsSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/provider/{clientId}/access-token",
  operationId: "CalProviderController_verifyAccessToken",
  summary: "Verify an access token",
  description:
    "Called by Cal.com's React atoms to check the managed user's access token: 200 when valid, 498 when expired (the atoms then call " +
    "your refresh URL), 401 otherwise. A token issued by another OAuth client is rejected.",
  tags: ["Cal provider"],
  request: { params: ClientParamsSchema },
  responses: {
    200: { description: "The credential is valid", content: { "application/json": { schema: ProviderVerifyAccessTokenOutputSchema } } },
  },
});

export const verifyProviderAccessTokenOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    verifyProviderAccessToken(actorOf(c), c.req.valid("param").clientId);
    return c.json({ status: SUCCESS }, 200);
  },
});

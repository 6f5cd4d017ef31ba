import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../src/errors";
import { defineOperation } from "../../src/operation";

export const ProviderVerifyAccessTokenOutputSchema = z.object({ status: z.literal("success") }).openapi("ProviderVerifyAccessTokenOutput");

const route = createRoute({
  method: "get",
  path: "/v2/provider/{clientId}/access-token",
  operationId: "CalProviderController_verifyAccessToken",
  summary: "Verify an access token",
  description:
    "Called by Cal.com's React atoms to check the managed user's access token: 200 when valid, 498 when expired (the atoms then call " +
    "your refresh URL), 401 otherwise. A token issued by another OAuth client is rejected.",
  tags: ["Cal provider"],
  request: {
    params: z.object({
      clientId: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "clientId", in: "path" } }),
    }),
  },
  responses: {
    200: { description: "The credential is valid", content: { "application/json": { schema: ProviderVerifyAccessTokenOutputSchema } } },
  },
});

export const verifyProviderAccessTokenOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId } = c.req.valid("param");
    const principal = c.var.principal!;
    if (principal.strategy === "ACCESS_TOKEN" && principal.oAuthClientId !== clientId) {
      throw new ApiError("UnauthorizedException", "ApiAuthStrategy - access token - Invalid Access Token.");
    }
    return c.json({ status: "success" as const }, 200);
  },
});

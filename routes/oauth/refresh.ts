import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { rotateRefreshToken, signingKeysOf } from "../../src/platform/token-store";
import { KeysResponseSchema, TOKENS_DOCS, toKeysOutput } from "./keys-output";

export const RefreshTokenInputSchema = z
  .object({ refreshToken: z.string().min(1).max(512).openapi({ description: "Managed user's refresh token." }) })
  .openapi("RefreshTokenInput");

const route = createRoute({
  method: "post",
  path: "/v2/oauth/{clientId}/refresh",
  operationId: "OAuthFlowController_refreshTokens",
  summary: "Refresh managed user tokens",
  description:
    "If managed user access token is expired then get a new one using this endpoint - it will also refresh the refresh token, because we use " +
    `"refresh token rotation" mechanism: a refresh token works once, and using a spent one again revokes every token descended from it. ${TOKENS_DOCS}`,
  tags: ["Platform / Managed Users"],
  request: {
    params: z.object({
      clientId: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "clientId", in: "path" } }),
    }),
    headers: z.object({ "x-cal-secret-key": z.string().optional().openapi({ description: "OAuth client secret key." }) }),
    body: { required: true, content: { "application/json": { schema: RefreshTokenInputSchema } } },
  },
  responses: {
    200: { description: "A new token pair", content: { "application/json": { schema: KeysResponseSchema } } },
  },
});

export const refreshTokensOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId } = c.req.valid("param");
    const principal = c.var.principal!;
    // Authentication accepted the path client id with x-cal-secret-key, or another credential: only the former
    // proves the caller owns this client (Cal.com checks the secret again here).
    if (principal.strategy !== "OAUTH_CLIENT_CREDENTIALS" || principal.oAuthClientId !== clientId) {
      throw new ApiError("BadRequestException", "Invalid OAuthClient credentials.");
    }
    const tokens = await rotateRefreshToken(c.var.deps, signingKeysOf(c.var.env), clientId, c.req.valid("json").refreshToken);
    return c.json({ status: "success" as const, data: toKeysOutput(tokens) }, 200);
  },
});

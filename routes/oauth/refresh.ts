import { createRoute } from "@hono/zod-openapi";
import { actorOf } from "../../src/http/context";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { refreshManagedUserTokens } from "../../src/platform/oauth-flow";
import { KeysResponseSchema, TOKENS_DOCS } from "../../src/platform/output";
import { ClientParamsSchema, ClientSecretHeadersSchema, RefreshTokenInputSchema } from "../../src/platform/schemas";

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
    params: ClientParamsSchema,
    headers: ClientSecretHeadersSchema,
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
    const input = { clientId: c.req.valid("param").clientId, refreshToken: c.req.valid("json").refreshToken };
    return c.json(success(await refreshManagedUserTokens(c.var.deps, actorOf(c), input)), 200);
  },
});

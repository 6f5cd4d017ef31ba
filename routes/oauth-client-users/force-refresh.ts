import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { findManagedUser } from "../../src/platform/managed-users";
import { issueTokens, revokeFamilies, signingKeysOf } from "../../src/platform/token-store";
import { KeysResponseSchema, TOKENS_DOCS, toKeysOutput } from "../oauth/keys-output";
import { ClientUserParamsSchema, managedUserGuards } from "./output";

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients/{clientId}/users/{userId}/force-refresh",
  operationId: "OAuthClientUsersController_forceRefresh",
  summary: "Force refresh tokens",
  description: `If you have lost managed user access or refresh token, then you can get new ones by using OAuth credentials. Every token issued before stops working. ${TOKENS_DOCS}`,
  tags: ["Platform / Managed Users"],
  middleware: managedUserGuards,
  request: { params: ClientUserParamsSchema },
  responses: {
    200: { description: "A new token pair", content: { "application/json": { schema: KeysResponseSchema } } },
    ...errorResponses(404),
  },
});

export const forceRefreshManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId, userId } = c.req.valid("param");
    const services = c.var.deps;
    const keys = signingKeysOf(c.var.env);
    await findManagedUser(services.db, clientId, userId);
    // Cal.com deletes the user's tokens for this client; we revoke their families (same effect, reuse still detected).
    await revokeFamilies(services, { clientId, userId });
    const tokens = await issueTokens(services.db, keys, { clientId, userId });
    return c.json({ status: "success" as const, data: toKeysOutput(tokens) }, 200);
  },
});

import { createRoute } from "@hono/zod-openapi";
import { managedUsersGuards } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { forceRefreshManagedUser } from "../../src/platform/managed-users";
import { KeysResponseSchema, TOKENS_DOCS } from "../../src/platform/output";
import { ClientUserParamsSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients/{clientId}/users/{userId}/force-refresh",
  operationId: "OAuthClientUsersController_forceRefresh",
  summary: "Force refresh tokens",
  description: `If you have lost managed user access or refresh token, then you can get new ones by using OAuth credentials. Every token issued before stops working. ${TOKENS_DOCS}`,
  tags: ["Platform / Managed Users"],
  middleware: managedUsersGuards,
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
  handler: async (c) => c.json(success(await forceRefreshManagedUser(c.var.deps, c.req.valid("param"))), 200),
});

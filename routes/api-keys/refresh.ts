import { createRoute } from "@hono/zod-openapi";
import { RefreshApiKeyOutputSchema } from "../../src/api-keys/output";
import { RefreshApiKeyInputSchema } from "../../src/api-keys/schemas";
import { refreshApiKey } from "../../src/api-keys/service";
import { actorOf } from "../../src/http/context";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/api-keys/refresh",
  operationId: "ApiKeysController_refresh",
  summary: "Refresh API Key",
  description: "Generate a new API key and delete the current one. Provide API key to refresh as a Bearer token in the Authorization header.",
  tags: ["Api Keys"],
  request: { body: { required: false, content: { "application/json": { schema: RefreshApiKeyInputSchema } } } },
  responses: {
    200: { description: "The new API key (shown once)", content: { "application/json": { schema: RefreshApiKeyOutputSchema } } },
  },
});

export const refreshApiKeyOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: ["API_KEY"] },
  handler: async (c) => c.json(success(await refreshApiKey(c.var.deps, actorOf(c), c.req.valid("json"))), 200),
});

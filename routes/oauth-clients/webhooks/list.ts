import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { listOwnedWebhooks } from "../../../src/webhooks/store";
import { ClientParamsSchema } from "../../oauth-client-users/output";
import { OAuthClientWebhooksOutputResponseSchema, SkipTakeQuerySchema, toOAuthClientWebhookOutput } from "../../webhooks/webhook-schemas";
import { readClientWebhooksGuards } from "./guards";

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients/{clientId}/webhooks",
  operationId: "OAuthClientWebhooksController_getOAuthClientWebhooks",
  summary: "Get all webhooks",
  tags: ["Platform / Webhooks"],
  middleware: readClientWebhooksGuards,
  request: { params: ClientParamsSchema, query: SkipTakeQuerySchema },
  responses: {
    200: { description: "The client's webhooks (never their secrets)", content: { "application/json": { schema: OAuthClientWebhooksOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const listOAuthClientWebhooksOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "oAuthClient" as const, oAuthClientId: c.get("guardedOAuthClient").id };
    const webhooks = await listOwnedWebhooks(c.var.deps.db, owner, c.req.valid("query"));
    return c.json({ status: "success" as const, data: webhooks.map((webhook) => toOAuthClientWebhookOutput(webhook)) }, 200);
  },
});

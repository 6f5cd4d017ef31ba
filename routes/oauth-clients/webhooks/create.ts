import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { createOwnedWebhook } from "../../../src/webhooks/store";
import { ClientParamsSchema } from "../../oauth-client-users/output";
import { CreateWebhookInputSchema, OAuthClientWebhookOutputResponseSchema, toOAuthClientWebhookOutput } from "../../webhooks/webhook-schemas";
import { manageClientWebhooksGuards } from "./guards";

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients/{clientId}/webhooks",
  operationId: "OAuthClientWebhooksController_createOAuthClientWebhook",
  summary: "Create a webhook",
  description:
    "For an admin or owner of the client's platform organization. Fires for events of the client's managed users. The `secret` is returned in this response only.",
  tags: ["Platform / Webhooks"],
  middleware: manageClientWebhooksGuards,
  request: {
    params: ClientParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateWebhookInputSchema } } },
  },
  responses: {
    201: { description: "The created webhook", content: { "application/json": { schema: OAuthClientWebhookOutputResponseSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createOAuthClientWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "oAuthClient" as const, oAuthClientId: c.get("guardedOAuthClient").id };
    const webhook = await createOwnedWebhook(c.var.deps.db, c.var.env, owner, c.req.valid("json"));
    return c.json({ status: "success" as const, data: toOAuthClientWebhookOutput(webhook, { revealSecret: true }) }, 201);
  },
});

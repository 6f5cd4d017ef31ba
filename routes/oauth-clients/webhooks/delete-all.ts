import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { deleteAllOwnedWebhooks } from "../../../src/webhooks/store";
import { ClientParamsSchema } from "../../oauth-client-users/output";
import { DeleteManyWebhooksOutputResponseSchema } from "../../webhooks/webhook-schemas";
import { manageClientWebhooksGuards } from "./guards";

const route = createRoute({
  method: "delete",
  path: "/v2/oauth-clients/{clientId}/webhooks",
  operationId: "OAuthClientWebhooksController_deleteAllOAuthClientWebhooks",
  summary: "Delete all webhooks",
  description: 'Returns how many were deleted (`"<n> webhooks deleted"`). Their delivery logs are deleted with them.',
  tags: ["Platform / Webhooks"],
  middleware: manageClientWebhooksGuards,
  request: { params: ClientParamsSchema },
  responses: {
    200: { description: "How many webhooks were deleted", content: { "application/json": { schema: DeleteManyWebhooksOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteAllOAuthClientWebhooksOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "oAuthClient" as const, oAuthClientId: c.get("guardedOAuthClient").id };
    return c.json({ status: "success" as const, data: await deleteAllOwnedWebhooks(c.var.deps.db, owner) }, 200);
  },
});

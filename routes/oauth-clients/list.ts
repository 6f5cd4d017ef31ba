import { createRoute, z } from "@hono/zod-openapi";
import { callerOrganizationId, organizationRoles } from "../../src/auth/guards/platform";
import { defineOperation } from "../../src/operation";
import { PlatformOAuthClientSchema, toOAuthClientOutput } from "./output";

export const GetOAuthClientsResponseSchema = z
  .object({ status: z.literal("success"), data: z.array(PlatformOAuthClientSchema) })
  .openapi("GetOAuthClientsResponseDto");

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients",
  operationId: "OAuthClientsController_getOAuthClients",
  summary: "Get all OAuth clients",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER", "MEMBER"])],
  responses: {
    200: { description: "The organization's OAuth clients", content: { "application/json": { schema: GetOAuthClientsResponseSchema } } },
  },
});

export const listOAuthClientsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const organizationId = (await callerOrganizationId(c))!;
    const clients = await c.var.deps.db.platformOAuthClient.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
    return c.json({ status: "success" as const, data: clients.map(toOAuthClientOutput) }, 200);
  },
});

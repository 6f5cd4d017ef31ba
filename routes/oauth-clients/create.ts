import { createRoute, z } from "@hono/zod-openapi";
import { callerOrganizationId, organizationRoles } from "../../src/auth/guards/platform";
import { defineOperation } from "../../src/operation";
import { generateOAuthClientId, generateOAuthClientSecret, hashOAuthClientSecret } from "../../src/platform/oauth-clients";
import { ALL_PERMISSIONS, permissionsToBits, PERMISSION_NAMES } from "../../src/platform/permissions";

export const CreateOAuthClientInputSchema = z
  .object({
    logo: z.string().optional(),
    name: z.string(),
    redirectUris: z.array(z.string()),
    permissions: z
      .array(z.enum([...PERMISSION_NAMES, ALL_PERMISSIONS]))
      .openapi({ description: 'Array of permission keys like ["BOOKING_READ", "BOOKING_WRITE"]. Use ["*"] to grant all permissions.' }),
    bookingRedirectUri: z.string().optional(),
    bookingCancelRedirectUri: z.string().optional(),
    bookingRescheduleRedirectUri: z.string().optional(),
    areEmailsEnabled: z.boolean().optional(),
    areDefaultEventTypesEnabled: z.boolean().default(false),
    areCalendarEventsEnabled: z.boolean().default(true),
  })
  .openapi("CreateOAuthClientInput");

export const CreateOAuthClientResponseSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({ clientId: z.string(), clientSecret: z.string() }).openapi("CreateOAuthClientOutput"),
  })
  .openapi("CreateOAuthClientResponseDto");

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients",
  operationId: "OAuthClientsController_createOAuthClient",
  summary: "Create an OAuth client",
  description: "For an admin or owner of a platform organization. The client secret is returned only in this response: store it, it cannot be read again.",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER"])],
  request: { body: { required: true, content: { "application/json": { schema: CreateOAuthClientInputSchema } } } },
  responses: {
    201: { description: "Create an OAuth client", content: { "application/json": { schema: CreateOAuthClientResponseSchema } } },
  },
});

export const createOAuthClientOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { permissions, ...input } = c.req.valid("json");
    const organizationId = (await callerOrganizationId(c))!;
    const clientSecret = generateOAuthClientSecret();
    const client = await c.var.deps.db.platformOAuthClient.create({
      data: {
        ...input,
        id: generateOAuthClientId(),
        hashedSecret: await hashOAuthClientSecret(clientSecret),
        permissions: permissionsToBits(permissions),
        organizationId,
      },
      select: { id: true },
    });
    return c.json({ status: "success" as const, data: { clientId: client.id, clientSecret } }, 201);
  },
});

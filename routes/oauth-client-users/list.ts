import { createRoute, z } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";
import { managedUserSelect, namespacedEmail, toManagedUserOutput } from "../../src/platform/managed-users";
import { ClientParamsSchema, managedUserGuards, ManagedUserOutputSchema } from "./output";

const EmailListSchema = z
  .string()
  .transform((value) => value.split(",").map((email) => email.trim()))
  .pipe(z.array(z.email({ error: (issue) => `Invalid email ${String(issue.input)}` })).min(1, "emails cannot be empty."));

export const GetManagedUsersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(250).optional().openapi({ description: "The number of items to return", example: 10 }),
  offset: z.coerce.number().int().min(0).optional().openapi({ description: "The number of items to skip", example: 0 }),
  emails: EmailListSchema.optional().openapi({
    description: "Filter managed users by email. If you want to filter by multiple emails, separate them with a comma.",
    example: "email1@example.com,email2@example.com",
  }),
});

export const GetManagedUsersOutputSchema = z.object({ status: z.literal("success"), data: z.array(ManagedUserOutputSchema) }).openapi("GetManagedUsersOutput");

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients/{clientId}/users",
  operationId: "OAuthClientUsersController_getManagedUsers",
  summary: "Get all managed users",
  tags: ["Platform / Managed Users"],
  middleware: managedUserGuards,
  request: { params: ClientParamsSchema, query: GetManagedUsersQuerySchema },
  responses: {
    200: { description: "The client's managed users", content: { "application/json": { schema: GetManagedUsersOutputSchema } } },
  },
});

export const listManagedUsersOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId } = c.req.valid("param");
    const { limit, offset, emails } = c.req.valid("query");
    // Emails may be given as the customer knows them or already namespaced.
    const namespaced = emails?.map((email) => namespacedEmail(clientId, email.toLowerCase()));
    const users = await c.var.deps.db.user.findMany({
      where: { platformOAuthClients: { some: { id: clientId } }, ...(namespaced ? { email: { in: namespaced } } : {}) },
      select: managedUserSelect,
      orderBy: { id: "asc" },
      skip: offset ?? 0,
      take: limit ?? 50,
    });
    return c.json({ status: "success" as const, data: users.map(toManagedUserOutput) }, 200);
  },
});

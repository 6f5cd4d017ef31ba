import { createRoute, z } from "@hono/zod-openapi";
import { ApiError, errorResponses } from "../../src/errors";
import { MetadataSchema } from "../../src/metadata";
import { defineOperation } from "../../src/operation";
import { managedUserSelect, namespacedEmail, toManagedUserOutput, usernameForNewManagedUser } from "../../src/platform/managed-users";
import { issueTokens, signingKeysOf } from "../../src/platform/token-store";
import { TimeZoneSchema } from "../../src/time-zone";
import { LOCALES, WEEK_DAYS } from "../me/update";
import { TOKENS_DOCS } from "../oauth/keys-output";
import { ClientParamsSchema, managedUserGuards, ManagedUserOutputSchema } from "./output";

export const CreateManagedUserInputSchema = z
  .object({
    email: z.email().max(254).openapi({ example: "alice@example.com" }),
    name: z.string().trim().min(1).max(255).openapi({ description: "Managed user's name is used in emails" }),
    timeFormat: z.union([z.literal(12), z.literal(24)]).optional(),
    weekStart: z.enum(WEEK_DAYS).optional(),
    timeZone: TimeZoneSchema.optional().openapi({ description: "Defaults to Europe/London." }),
    locale: z.enum(LOCALES).optional(),
    avatarUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    bio: z.string().max(1000).optional(),
    metadata: MetadataSchema.optional(),
  })
  .openapi("CreateManagedUserInput");

export const CreateManagedUserOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z
      .object({
        accessToken: z.string(),
        refreshToken: z.string(),
        user: ManagedUserOutputSchema,
        accessTokenExpiresAt: z.number(),
        refreshTokenExpiresAt: z.number(),
      })
      .openapi("CreateManagedUserData"),
  })
  .openapi("CreateManagedUserOutput");

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients/{clientId}/users",
  operationId: "OAuthClientUsersController_createUser",
  summary: "Create a managed user",
  description: `The user's email is stored as <local>+<clientId>@<domain>. The response carries the user's first tokens. ${TOKENS_DOCS}`,
  tags: ["Platform / Managed Users"],
  middleware: managedUserGuards,
  request: {
    params: ClientParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateManagedUserInputSchema } } },
  },
  responses: {
    201: { description: "The managed user and its tokens", content: { "application/json": { schema: CreateManagedUserOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { email: givenEmail, locale, ...profile } = c.req.valid("json");
    const client = c.get("guardedOAuthClient");
    const { db, txDb } = c.var.deps;
    const keys = signingKeysOf(c.var.env);
    const email = namespacedEmail(client.id, givenEmail.toLowerCase());

    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new ApiError("ConflictException", `User with the provided e-mail already exists. Existing user ID=${existing.id}`);

    // User, client link, membership and first tokens are created together, or not at all.
    const { user, tokens } = await txDb.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          ...profile,
          email,
          username: usernameForNewManagedUser(email),
          locale: locale ?? "en",
          emailVerified: new Date(),
          isPlatformManaged: true,
          organizationId: client.organizationId,
          platformOAuthClients: { connect: { id: client.id } },
          memberships: { create: { teamId: client.organizationId, role: "MEMBER", accepted: true } },
        },
        select: managedUserSelect,
      });
      return { user, tokens: await issueTokens(tx, keys, { clientId: client.id, userId: user.id }) };
    });

    return c.json(
      {
        status: "success" as const,
        data: {
          user: toManagedUserOutput(user),
          accessToken: tokens.accessToken,
          accessTokenExpiresAt: tokens.accessTokenExpiresAt.getTime(),
          refreshToken: tokens.refreshToken,
          refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.getTime(),
        },
      },
      201,
    );
  },
});

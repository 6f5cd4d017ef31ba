// Inputs of the platform routes: OAuth clients, their managed users, token refresh.
import { z } from "@hono/zod-openapi";
import { ClientIdParams, UserIdParams } from "../http/common";
import { profileDetailsShape, UpdateMeInputSchema } from "../me/schemas";
import { WEEK_DAYS } from "../schedules/availability";
import { TimeZoneSchema } from "../time-zone";
import { ALL_PERMISSIONS, PERMISSION_NAMES } from "./permissions";

// ---------------------------------------------------------------------------------------------------------
// Path params

/** `/oauth-clients/{clientId}/…` (Cal.com's ClientIdParams). Kept under this name for the webhook routes. */
export const ClientParamsSchema = ClientIdParams;
export const ClientUserParamsSchema = ClientIdParams.extend(UserIdParams.shape);

// ---------------------------------------------------------------------------------------------------------
// OAuth clients

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
export type CreateOAuthClientInput = z.infer<typeof CreateOAuthClientInputSchema>;

// Permissions cannot be changed after creation (Cal.com's UpdateOAuthClientInput has none).
export const UpdateOAuthClientInputSchema = z
  .object({
    logo: z.string().optional(),
    name: z.string().optional(),
    redirectUris: z.array(z.string()).optional(),
    bookingRedirectUri: z.string().optional(),
    bookingCancelRedirectUri: z.string().optional(),
    bookingRescheduleRedirectUri: z.string().optional(),
    areEmailsEnabled: z.boolean().optional(),
    areDefaultEventTypesEnabled: z.boolean().optional(),
    areCalendarEventsEnabled: z.boolean().optional(),
  })
  .openapi("UpdateOAuthClientInput");
export type UpdateOAuthClientInput = z.infer<typeof UpdateOAuthClientInputSchema>;

// ---------------------------------------------------------------------------------------------------------
// Managed users

export const CreateManagedUserInputSchema = z
  .object({
    email: z.email().max(254).openapi({ example: "alice@example.com" }),
    name: z.string().trim().min(1).max(255).openapi({ description: "Managed user's name is used in emails" }),
    timeFormat: z.union([z.literal(12), z.literal(24)]).optional(),
    weekStart: z.enum(WEEK_DAYS).optional(),
    timeZone: TimeZoneSchema.optional().openapi({ description: "Defaults to Europe/London." }),
    ...profileDetailsShape,
  })
  .openapi("CreateManagedUserInput");
export type CreateManagedUserInput = z.infer<typeof CreateManagedUserInputSchema>;

// A managed user is updated with the same input as /v2/me (Cal.com's UpdateManagedUserInput).
export const UpdateManagedUserInputSchema = UpdateMeInputSchema;
export type UpdateManagedUserInput = z.infer<typeof UpdateManagedUserInputSchema>;

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
export type GetManagedUsersQuery = z.infer<typeof GetManagedUsersQuerySchema>;

// ---------------------------------------------------------------------------------------------------------
// Tokens

export const RefreshTokenInputSchema = z
  .object({ refreshToken: z.string().min(1).max(512).openapi({ description: "Managed user's refresh token." }) })
  .openapi("RefreshTokenInput");

export const ClientSecretHeadersSchema = z.object({ "x-cal-secret-key": z.string().optional().openapi({ description: "OAuth client secret key." }) });

import { z } from "@hono/zod-openapi";
import type { Credential } from "../generated/prisma/client";
import { SuccessStatus, successOf } from "../http/common";

export const ConferencingAppsOutputSchema = z
  .object({
    id: z.number().int().openapi({ description: "Id of the conferencing app credentials" }),
    type: z.string().openapi({ example: "google_video", description: "Type of conferencing app" }),
    userId: z.number().int().nullable().openapi({ description: "Id of the user associated to the conferencing app" }),
    invalid: z.boolean().nullable().openapi({ description: "Whether if the connection is working or not." }),
  })
  .openapi("ConferencingAppsOutputDto");

export const ConferencingAppOutputResponseSchema = successOf(ConferencingAppsOutputSchema).openapi("ConferencingAppOutputResponseDto");
export const ConferencingAppsOutputResponseSchema = successOf(z.array(ConferencingAppsOutputSchema)).openapi("ConferencingAppsOutputResponseDto");
export const OAuthUrlOutputResponseSchema = successOf(z.object({ url: z.string() })).openapi("GetConferencingAppsOauthUrlResponseDto");
export const SetDefaultOutputResponseSchema = z.object({ status: SuccessStatus }).openapi("SetDefaultConferencingAppOutputResponseDto");
export const DisconnectOutputResponseSchema = z.object({ status: SuccessStatus }).openapi("DisconnectConferencingAppOutputResponseDto");
export const DefaultConferencingAppSchema = z
  .object({ appSlug: z.string().optional(), appLink: z.string().optional() })
  .openapi("DefaultConferencingAppsOutputDto");
export const GetDefaultOutputResponseSchema = z
  .object({ status: SuccessStatus, data: DefaultConferencingAppSchema.optional() })
  .openapi("GetDefaultConferencingAppOutputResponseDto");

/** The columns the contract documents (never `key`). A team's credential has no user: `userId` is null, as in Cal.com. */
export const conferencingAppOutput = (credential: Pick<Credential, "id" | "type" | "userId" | "invalid">) => ({
  id: credential.id,
  type: credential.type,
  userId: credential.userId,
  invalid: credential.invalid,
});

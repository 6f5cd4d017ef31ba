import { z } from "@hono/zod-openapi";
import { stringPathParam } from "../http/common";

// Request schemas of the atoms' endpoints (Cal.com's AtomsEventTypesController, AtomsVerificationController).

// Cal.com's `?teamId=12`: class-transformer parseInt, then IsNumber (so "abc" is a 400).
const integerParam = z
  .string()
  .transform((value) => Number.parseInt(value, 10))
  .pipe(z.number({ error: "must be a number conforming to the specified constraints" }));

export const PublicEventTypeParams = z.object({ eventSlug: stringPathParam("eventSlug", { max: 255 }) });

export const GetPublicEventTypeQuerySchema = z.object({
  username: z.string().max(255).optional(),
  // Cal.com: `value === "true"`; anything else is false.
  isTeamEvent: z
    .string()
    .optional()
    .transform((value) => value === "true"),
  teamId: integerParam.optional(),
  orgId: integerParam.optional(),
});

export const CheckEmailVerificationQuerySchema = z.object({
  email: z.email(),
  userSessionEmail: z.string().optional(),
});

export type CheckEmailVerificationQuery = z.infer<typeof CheckEmailVerificationQuerySchema>;

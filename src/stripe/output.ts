import { z } from "@hono/zod-openapi";
import { SuccessStatus, successOf } from "../http/common";

export const StripConnectOutputSchema = z
  .object({ authUrl: z.string().openapi({ description: "Stripe's Connect authorize URL" }) })
  .openapi("StripConnectOutputDto");
export const StripConnectOutputResponseSchema = successOf(StripConnectOutputSchema).openapi("StripConnectOutputResponseDto");
export const StripCredentialsCheckOutputResponseSchema = z.object({ status: SuccessStatus }).openapi("StripCredentialsCheckOutputResponseDto");

import type { z } from "@hono/zod-openapi";
import { PrivateLinkParamsSchema } from "../../../src/event-types/private-links";

export const EventTypeParamSchema = PrivateLinkParamsSchema.pick({ eventTypeId: true });
export const LinkParamsSchema = PrivateLinkParamsSchema;
export type LinkParams = z.infer<typeof LinkParamsSchema>;

import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

export const RefreshApiKeyOutputSchema = successOf(z.object({ apiKey: z.string() }).openapi("ApiKeyOutput")).openapi("RefreshApiKeyOutput");

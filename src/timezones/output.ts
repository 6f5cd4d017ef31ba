import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

export const CityTimeZoneSchema = z.object({ city: z.string(), timezone: z.string().nullable(), pop: z.number() });

export const CityTimeZonesOutputSchema = successOf(z.array(CityTimeZoneSchema)).openapi("CityTimeZonesOutput");

import { z } from "@hono/zod-openapi";
import { isValidTimeZone } from "./slots/format";

export { isValidTimeZone };

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: "must be a valid IANA time zone, e.g. Europe/London" })
  .openapi({ example: "Europe/London" });

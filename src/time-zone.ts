import { z } from "@hono/zod-openapi";

// IANA names the runtime knows. Supported-values list when the runtime has it, else a constructor probe.
const SUPPORTED: ReadonlySet<string> | undefined = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? new Set([...intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]) : undefined;
})();

// IANA names start with a letter ("Europe/Paris", "UTC", "Etc/GMT+2"); the probe alone would also accept UTC
// offsets like "+02:00", which are not zones and do not follow DST.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

export function isValidTimeZone(timeZone: string): boolean {
  if (SUPPORTED?.has(timeZone)) return true;
  if (!IANA_NAME.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: "must be a valid IANA time zone, e.g. Europe/London" })
  .openapi({ example: "Europe/London" });

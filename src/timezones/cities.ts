import type { z } from "@hono/zod-openapi";
import { CITY_DATA } from "./city-data";
import type { CityTimeZoneSchema } from "./output";

// Cal.com's GET /v2/timezones (cityTimezonesHandler): every city of the `city-timezones` data set, one entry per
// city name (the most populous wins), as {city, timezone, pop}. The Booker's time-zone picker searches it by city.

// A few cities of the data set have no zone (null), passed on as Cal.com does.
export type CityTimeZone = z.infer<typeof CityTimeZoneSchema>;

let cached: CityTimeZone[] | undefined;

/** Immutable data, so parsed once per isolate, on first use. */
export function cityTimeZones(): CityTimeZone[] {
  cached ??= CITY_DATA.split("\n").map((line) => {
    const [city, timezone, pop] = line.split("\t") as [string, string, string];
    return { city, timezone: timezone || null, pop: Number(pop) };
  });
  return cached;
}

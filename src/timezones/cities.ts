// Cal.com's GET /v2/timezones (cityTimezonesHandler): every city of the `city-timezones` data set, one entry per
// city name (the most populous wins), as {city, timezone, pop}. The Booker's time-zone picker searches it by city.

export interface CityTimeZone {
  city: string;
  // A few cities of the data set have no zone (null), passed on as Cal.com does.
  timezone: string | null;
  pop: number;
}

let cached: Promise<CityTimeZone[]> | undefined;

async function build(): Promise<CityTimeZone[]> {
  // Loaded on first use only: the data set is ~2 MB of JSON that no other route needs.
  const { default: allCities } = (await import("city-timezones/data/cityMap.json")) as { default: CityTimeZone[] };
  // A plain object, as Cal.com's, so the order (first appearance of each name) is the same.
  const topByName: Record<string, CityTimeZone> = {};
  for (const { city, timezone, pop } of allCities) {
    const previous = topByName[city];
    if (!previous || pop > previous.pop) topByName[city] = { city, timezone, pop };
  }
  return Object.values(topByName);
}

/** Immutable data, so computed once per isolate. */
export function cityTimeZones(): Promise<CityTimeZone[]> {
  cached ??= build().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

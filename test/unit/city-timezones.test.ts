import { describe, expect, it } from "vitest";
import { CITY_DATA_FILE, cityDataModule, packageCities, topCities } from "../../scripts/generate-city-timezones";
import { cityTimeZones } from "../../src/timezones/cities";
import { readFileSync } from "node:fs";

describe("city time zones (GET /v2/timezones data)", () => {
  it("the checked-in data is what scripts/generate-city-timezones.ts makes from city-timezones", () => {
    const checkedIn = readFileSync(CITY_DATA_FILE, "utf8");
    expect(checkedIn === cityDataModule(topCities(packageCities()))).toBe(true);
  });

  it("parses back to exactly Cal.com's deduplicated rows, in its order", () => {
    expect(cityTimeZones()).toEqual(topCities(packageCities()));
  });
});

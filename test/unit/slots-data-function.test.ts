// The "slots_data" function (src/availability/slots-data-function.ts) is generated from the statement builder; a
// migration holds it. When the builder changes and no new migration regenerates the function, the function would
// silently answer from the old statement: this fails instead.
import { describe, expect, it } from "vitest";
import { readMigrations } from "../../scripts/lib/migrate.ts";
import { slotsDataFunctionSql } from "../../src/availability/slots-data-function.ts";

describe('the "slots_data" function', () => {
  it("is, in the newest migration defining it, exactly what the statement builder generates now", async () => {
    const defining = (await readMigrations()).filter((migration) => migration.sql.includes('CREATE OR REPLACE FUNCTION "slots_data"'));
    expect(defining.length).toBeGreaterThan(0);
    // If this fails: `npx tsx scripts/slots-data-function.ts <new migration name>`.
    expect(defining.at(-1)!.sql).toBe(slotsDataFunctionSql());
  });

  it("has every parameter of the statement in its body, and no placeholder left", () => {
    const sql = slotsDataFunctionSql();
    expect(sql).not.toMatch(/\$\d/);
    for (const parameter of ["p_event_type_id", "p_username", "p_team_slug", "p_slug", "p_organization_slug", "p_range_start", "p_range_end", "p_now"]) {
      expect(sql).toContain(parameter);
    }
    expect(sql).toContain("p_exclude_booking_uid");
    expect(sql).toContain("p_exclude_reservation_uid");
  });
});

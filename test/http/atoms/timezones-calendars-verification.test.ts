import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { bearer } from "../../helpers/platform";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import {
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  type CreatedManagedUser,
  createTenant,
  type Tenant,
  withDb,
} from "../../helpers/fixtures";

// The atoms' Booker calls these next to the event and slots. Two are not in Cal.com's OpenAPI document; their
// contracts are written here from Cal.com's source.

// apps/api/v2/src/modules/timezones (ApiResponse<CityTimezones>), cityTimezonesHandler: {city, timezone, pop}[].
const CityTimezonesOutput = z.object({
  status: z.literal("success"),
  data: z.array(z.object({ city: z.string().min(1), timezone: z.string().min(1).nullable(), pop: z.number() }).strict()).min(1000),
});
// apps/api/v2/src/modules/atoms/controllers/atoms.verification.controller.ts: ApiResponse<boolean>.
const EmailCheckOutput = z.object({ status: z.literal("success"), data: z.boolean() });

const ALL_VERSIONS = [undefined, "2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13", "2024-09-04", "1999-01-01"];

let tenant: Tenant;
let managed: CreatedManagedUser;

beforeAll(async () => {
  tenant = await createTenant();
  const org = await createPlatformOrganization();
  managed = await createManagedUser(await createOAuthClient(org.owner.apiKey));
});

describe("GET /v2/timezones", () => {
  it("lists cities with their zone and population, one per city name, for every version, without credentials", async () => {
    for (const version of ALL_VERSIONS) {
      const res = await api("/v2/timezones", { version });
      expect(res.status, version).toBe(200);
      expect(CityTimezonesOutput.safeParse(res.body).error).toBeUndefined();
    }
    const { body } = await api("/v2/timezones", { version: "2024-06-14" });
    const cities = body.data as { city: string; timezone: string; pop: number }[];
    expect(new Set(cities.map((c) => c.city)).size).toBe(cities.length);
    // Same-named cities collapse to the most populous: London, England, not London, Ontario.
    expect(cities.find((c) => c.city === "London")).toMatchObject({ timezone: "Europe/London" });
    expect(cities.find((c) => c.city === "Riga")).toMatchObject({ timezone: "Europe/Riga" });
    const zones = new Set(cities.map((c) => c.timezone));
    for (const zone of ["America/New_York", "Asia/Tokyo", "Australia/Sydney"]) expect(zones.has(zone)).toBe(true);
  });
});

describe("GET /v2/atoms/verification/email/check", () => {
  it("answers false for an address no user requires verification of, anonymously and for every version", async () => {
    for (const version of ALL_VERSIONS) {
      const res = await api("/v2/atoms/verification/email/check?email=booker%40example.com&userSessionEmail=", { version });
      expect(res.status, version).toBe(200);
      expect(EmailCheckOutput.safeParse(res.body).error).toBeUndefined();
      expect(res.body).toEqual({ status: "success", data: false });
    }
  });

  it("true for the verified email of a user who requires booker verification (also with a +tag, any case), unless it is the session's own", async () => {
    const owner = await createTenant();
    const [local, domain] = owner.email.split("@");
    await withDb((db) => db.user.update({ where: { id: owner.userId }, data: { requiresBookerEmailVerification: true, emailVerified: new Date() } }));
    const check = async (email: string, session = "") =>
      (await api(`/v2/atoms/verification/email/check?email=${encodeURIComponent(email)}&userSessionEmail=${encodeURIComponent(session)}`)).body;
    expect(await check(owner.email)).toEqual({ status: "success", data: true });
    expect(await check(`${local}+booking@${domain}`.toUpperCase())).toEqual({ status: "success", data: true });
    expect(await check(owner.email, owner.email.toUpperCase())).toEqual({ status: "success", data: false });
    // An unverified address or a user without the setting asks for nothing.
    await withDb((db) => db.user.update({ where: { id: owner.userId }, data: { emailVerified: null } }));
    expect(await check(owner.email)).toEqual({ status: "success", data: false });
    expect(await check(tenant.email)).toEqual({ status: "success", data: false });
  });

  it("400 naming email when it is missing or not an email", async () => {
    for (const query of ["", "?email=not-an-email"]) {
      const res = await api(`/v2/atoms/verification/email/check${query}`, { version: "2024-06-14" });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("BadRequestException");
      expect(res.body.error.message).toContain("email");
    }
  });
});

describe("GET /v2/calendars", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/calendars", version: "2024-06-14" }));

  // Cal.com's getConnectedDestinationCalendarsAndEnsureDefaultsInDb with no calendar credential answers
  // `destinationCalendar: {}` (its null destination spread with an undefined one), which the document's
  // DestinationCalendar (id, integration, externalId… required) does not describe. Only those are allowed here.
  const onlyEmptyDestinationCalendar = (problems: string[]) => problems.filter((p) => !p.startsWith("body.data.destinationCalendar."));

  it("an empty connected list in Cal.com's shape, with an API key, for every version", async () => {
    for (const version of ALL_VERSIONS) {
      const res = await api("/v2/calendars", { key: tenant.apiKey, version });
      expect(res.status, version).toBe(200);
      expect(res.body).toEqual({ status: "success", data: { connectedCalendars: [], destinationCalendar: {} } });
      expect(onlyEmptyDestinationCalendar(contractProblems("CalendarsController_getCalendars", 200, res.body))).toEqual([]);
    }
  });

  it("the same for a managed user's access token (what the atoms send)", async () => {
    const res = await api("/v2/calendars", { headers: { ...bearer(managed.accessToken), "x-cal-platform-embed": "false" }, version: "2024-06-14" });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ connectedCalendars: [], destinationCalendar: {} });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createHost, DAY, getSlots, isoDate, mondayAhead, type Host } from "./helpers";
import { createPlatformOrganization, unique, testDb } from "../../helpers/fixtures";

let host: Host;
const monday = mondayAhead();
const window = { start: isoDate(monday), end: isoDate(monday + DAY) };

beforeAll(async () => {
  host = await createHost();
});

const expectBadRequest = (res: { status: number; body: any }, field: string) => {
  expect(res.status).toBe(400);
  expect(res.body.status).toBe("error");
  expect(res.body.error.code).toBe("BadRequestException");
  expect(res.body.error.message).toContain(field);
};

describe("GET /v2/slots: not found", () => {
  it("404 for an unknown event type id, username, slug, organization or team", async () => {
    const cases: Array<[Record<string, string | number>, string]> = [
      [{ eventTypeId: 2_000_000_000 }, "Event Type not found"],
      [{ username: `nobody-${unique()}`, eventTypeSlug: host.slug }, "User with username"],
      [{ username: host.username, eventTypeSlug: "no-such-slug" }, "Event Type not found"],
      [{ username: host.username, eventTypeSlug: host.slug, organizationSlug: `no-org-${unique()}` }, "Organization with slug"],
      [{ teamSlug: `no-team-${unique()}`, eventTypeSlug: host.slug }, "Team with slug"],
    ];
    for (const [lookup, message] of cases) {
      const res = await getSlots({ ...lookup, ...window });
      expect(res.status, JSON.stringify(lookup)).toBe(404);
      expect(res.body.error.code).toBe("NotFoundException");
      expect(res.body.error.message).toContain(message);
    }
  });

  it("finds an organization member's event type only with their organization's slug", async () => {
    const org = await createPlatformOrganization({ isPlatform: false });
    const db = testDb();
    let orgSlug: string;
    try {
      orgSlug = (await db.team.findFirstOrThrow({ where: { id: org.organizationId } })).slug!;
    } finally {
      await db.$disconnect();
    }
    const schedule = await api("/v2/schedules", {
      key: org.owner.apiKey,
      version: "2024-06-11",
      body: { name: "W", timeZone: "UTC", isDefault: true },
    });
    expect(schedule.status).toBe(201);
    const eventType = await api("/v2/event-types", {
      key: org.owner.apiKey,
      version: "2024-06-14",
      body: { lengthInMinutes: 30, title: "Org chat", slug: "org-chat", minimumBookingNotice: 0 },
    });
    expect(eventType.status).toBe(201);
    const me = await api("/v2/me", { key: org.owner.apiKey });
    const username = me.body.data.username;
    const inOrg = await getSlots({ username, eventTypeSlug: "org-chat", organizationSlug: orgSlug, ...window });
    expect(inOrg.status).toBe(200);
    expect(Object.keys(inOrg.body.data).length).toBeGreaterThan(0);
    const otherOrg = await createPlatformOrganization({ isPlatform: false });
    const db2 = testDb();
    try {
      const otherSlug = (await db2.team.findFirstOrThrow({ where: { id: otherOrg.organizationId } })).slug!;
      const wrong = await getSlots({ username, eventTypeSlug: "org-chat", organizationSlug: otherSlug, ...window });
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.message).toContain(`User with username ${username} not found`);
    } finally {
      await db2.$disconnect();
    }
  });
});

describe("GET /v2/slots: bad input is a 400 naming the parameter", () => {
  it("end before start, and windows over 366 days", async () => {
    const backwards = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(monday + DAY), end: `${isoDate(monday)}T12:00:00Z` });
    expectBadRequest(backwards, "'end' is before 'start'");
    expect(backwards.body.error.message).toContain("Invalid time range given - check the 'start' and 'end' query parameters.");
    const tenYears = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(monday), end: isoDate(monday + 3653 * DAY) });
    expectBadRequest(tenYears, "at most 366 days");
    // Exactly 366 days is fine.
    const year = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(monday), end: `${isoDate(monday + 366 * DAY)}T00:00:00.000Z` });
    expect(year.status).toBe(400); // a midnight end becomes 23:59:59 of that day: 366 days and a bit
    const justAYear = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(monday), end: isoDate(monday + 365 * DAY) });
    expect(justAYear.status).toBe(200);
  });

  it("bad zones, dates, formats, durations and ids", async () => {
    const base = { eventTypeId: host.eventTypeId, ...window };
    expectBadRequest(await getSlots({ ...base, timeZone: "Mars/Olympus_Mons" }), "timeZone");
    expectBadRequest(await getSlots({ ...base, timeZone: "+02:00" }), "timeZone");
    expectBadRequest(await getSlots({ ...base, start: "next tuesday" }), "start");
    expectBadRequest(await getSlots({ ...base, end: "2026-02-30" }), "end");
    expectBadRequest(await getSlots({ ...base, format: "weeks" }), "format");
    expectBadRequest(await getSlots({ ...base, duration: "-5" }), "duration");
    expectBadRequest(await getSlots({ ...base, duration: 45 }), "duration must be one of the event type's lengths: 60");
    expectBadRequest(await getSlots({ ...window, eventTypeId: "abc" }), "eventTypeId");
  });

  it("missing and unknown parameters", async () => {
    expectBadRequest(await getSlots({ eventTypeId: host.eventTypeId, end: window.end }), "start");
    expectBadRequest(await getSlots({ eventTypeId: host.eventTypeId, ...window, username: host.username }), "property username should not exist");
    expectBadRequest(await getSlots({ eventTypeId: host.eventTypeId, ...window, colour: "blue" }), "property colour should not exist");
    const nothing = await getSlots({ ...window });
    expectBadRequest(nothing, "usernames");
    expect(nothing.body.error.message).toContain("organizationSlug");
    expectBadRequest(await getSlots({ ...window, usernames: "alice,bob", organizationSlug: "acme" }), "dynamic group events");
  });

  it("answers only cal-api-version 2024-09-04: without it the route does not exist", async () => {
    const query = new URLSearchParams({ eventTypeId: String(host.eventTypeId), ...window });
    for (const version of [undefined, "2024-08-13", "2024-04-15"]) {
      const res = await api(`/v2/slots?${query}`, { version });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe("Cannot GET /v2/slots");
    }
  });
});

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEventTypeWithBusyTime } from "../../../src/availability/one-round-trip";
import { slotsDataCall } from "../../../src/availability/slots-data-function";
import { type BusyWindow, slotsDataStatement } from "../../../src/availability/slots-data-statement";
import type { EventTypeLookup } from "../../../src/event-types/slots-loader";
import { createSql, type HttpSql } from "../../../src/services/db";
import { createOrganizationTeam, createTeam, createTeamEventTypeRow, insertBookingRow, withDb } from "../../helpers/fixtures";
import { createHost, DAY, type Host, mondayAhead } from "../slots/helpers";
import { createMember, HOUR, insertHostBooking, type TeamMember } from "../team-slots/helpers";

// GET /v2/slots calls the "slots_data" function (its plans are kept per connection), generated from the statement
// builder: for every lookup shape it serves, it must return exactly the rows the statement itself returns, here on
// data with bookings (with attendees, of a seated event type and of others with buffers), holds, out-of-office
// entries and limits, for a personal, a team and an organization's event types.

const monday = mondayAhead(35);
let host: Host;
let orgHost: Host;
let members: TeamMember[];
let team: { slug: string; eventTypeSlug: string };
let orgTeam: { organizationId: number; organizationSlug: string; slug: string; eventTypeSlug: string };
let holdUid: string;
let bookingUid: string;
let sql: HttpSql;

beforeAll(async () => {
  sql = createSql(env as unknown as { DATABASE_URL: string; NEON_WS_PROXY?: string });
  host = await createHost({ timeZone: "Europe/Berlin", eventType: { beforeEventBuffer: 10, afterEventBuffer: 20 } });
  orgHost = await createHost({ timeZone: "Asia/Tokyo" });
  members = await Promise.all([createMember({ timeZone: "America/Chicago" }), createMember({ timeZone: "UTC" })]);
  const { organizationId, organizationSlug, teamId: orgTeamId, slug: orgTeamSlug } = await createOrganizationTeam();
  const { teamId, slug: teamSlug } = await createTeam({ members });
  const teamEventType = await createTeamEventTypeRow(teamId, "COLLECTIVE", members, { afterEventBuffer: 15 });
  const orgEventType = await createTeamEventTypeRow(orgTeamId, "ROUND_ROBIN", members);
  team = { slug: teamSlug, eventTypeSlug: teamEventType.slug };
  orgTeam = { organizationId, organizationSlug, slug: orgTeamSlug, eventTypeSlug: orgEventType.slug };
  await withDb(async (db) => {
    await db.eventType.update({ where: { id: host.eventTypeId }, data: { seatsPerTimeSlot: 3, bookingLimitPerWeek: 5 } });
    await db.user.update({ where: { id: orgHost.userId }, data: { organizationId } });
    const hold = await db.selectedSlots.create({
      data: {
        eventTypeId: host.eventTypeId,
        userId: host.userId,
        slotUtcStartDate: new Date(monday + DAY + 11 * HOUR),
        slotUtcEndDate: new Date(monday + DAY + 12 * HOUR),
        uid: `hold-${crypto.randomUUID()}`,
        releaseAt: new Date(Date.now() + 300_000),
      },
    });
    holdUid = hold.uid;
    for (const userId of [host.userId, members[0]!.userId]) {
      await db.outOfOfficeEntry.create({
        data: {
          uuid: crypto.randomUUID(),
          userId,
          toUserId: members[1]!.userId,
          start: new Date(monday + 3 * DAY),
          end: new Date(monday + 3 * DAY + DAY - 1),
          notes: "Away",
          showNotePublicly: true,
        },
      });
    }
  });
  const seated = await insertBookingRow({
    userId: host.userId,
    eventTypeId: host.eventTypeId,
    start: new Date(monday + 9 * HOUR),
    attendees: [
      { name: "A", email: `a-${crypto.randomUUID()}@example.com` },
      { name: "B", email: `b-${crypto.randomUUID()}@example.com` },
    ],
  });
  bookingUid = seated.uid;
  await insertBookingRow({ userId: host.userId, eventTypeId: host.eventTypeId, start: new Date(monday - 2 * DAY + 9 * HOUR) });
  await insertBookingRow({ userId: host.userId, eventTypeId: null, start: new Date(monday + 2 * DAY + 14 * HOUR), status: "PENDING" });
  await insertHostBooking(members[0]!.userId, monday + 10 * HOUR, 30, teamEventType.id);
  await insertHostBooking(members[1]!.userId, monday + DAY + 15 * HOUR, 60);
});

const window = (extra: Partial<BusyWindow> = {}): BusyWindow => ({ rangeStart: monday, rangeEnd: monday + 7 * DAY, now: Date.now(), ...extra });

async function rowsOf(statement: { text: string; values: unknown[] }) {
  return sql.query(statement.text, statement.values);
}

describe('"slots_data" against the statement it is generated from', () => {
  const lookups: Array<[string, () => EventTypeLookup]> = [
    ["by event type id", () => ({ eventTypeId: host.eventTypeId })],
    ["by username and slug", () => ({ username: host.username, slug: host.slug })],
    ["by username and slug in an organization", () => ({ username: orgHost.username, slug: orgHost.slug, organizationSlug: orgTeam.organizationSlug })],
    ["by team slug and slug", () => ({ teamSlug: team.slug, slug: team.eventTypeSlug })],
    ["by team slug and slug in an organization", () => ({ teamSlug: orgTeam.slug, slug: orgTeam.eventTypeSlug, organizationSlug: orgTeam.organizationSlug })],
  ];
  for (const [name, lookupOf] of lookups) {
    it(`${name}: the same row`, async () => {
      const lookup = lookupOf();
      const call = slotsDataCall(lookup, window())!;
      expect(call).not.toBeNull();
      const [viaFunction, viaStatement] = await Promise.all([rowsOf(call), rowsOf(slotsDataStatement(lookup, window()))]);
      expect(viaStatement).toHaveLength(1);
      expect(viaFunction).toEqual(viaStatement);
    });
  }

  it("the personal host's row has what the comparison is about: bookings with attendees, a hold, out-of-office", async () => {
    const [{ row }] = (await rowsOf(slotsDataCall({ eventTypeId: host.eventTypeId }, window())!)) as [{ row: { busyRows: unknown[][] } }];
    const kinds = row.busyRows.map((busyRow) => busyRow[0]);
    expect(kinds).toEqual(expect.arrayContaining(["booking", "reservation", "ooo"]));
    expect(row.busyRows.find((busyRow) => busyRow[2] === bookingUid)?.[8]).toBe(2);
  });

  it("with exclusions, and for a lookup that finds nothing (no row either way)", async () => {
    const excluding = window({ excludeBookingUid: bookingUid, excludeReservationUid: holdUid });
    const lookup = { eventTypeId: host.eventTypeId };
    const viaFunction = await rowsOf(slotsDataCall(lookup, excluding)!);
    expect(viaFunction).toEqual(await rowsOf(slotsDataStatement(lookup, excluding)));
    const uids = (viaFunction[0] as { row: { busyRows: unknown[][] } }).row.busyRows.map((busyRow) => busyRow[2]);
    expect(uids).not.toContain(bookingUid);
    expect(uids).not.toContain(holdUid);
    for (const missing of [{ eventTypeId: 2_000_000_000 }, { username: host.username, slug: "no-such-slug" }, { teamSlug: "no-such-team", slug: "x" }]) {
      expect(await rowsOf(slotsDataCall(missing, window())!)).toEqual([]);
    }
  });

  it("is what GET /v2/slots' loader sends for these lookups; a lookup by organization id sends the statement", async () => {
    const sent: string[] = [];
    const recording = new Proxy(sql, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "query") return typeof value === "function" ? value.bind(target) : value;
        return (text: string, values: unknown[]) => {
          sent.push(text);
          return target.query(text, values);
        };
      },
    });
    const viaFunction = await loadEventTypeWithBusyTime(
      recording,
      { username: orgHost.username, slug: orgHost.slug, organizationSlug: orgTeam.organizationSlug },
      window(),
    );
    const viaStatement = await loadEventTypeWithBusyTime(
      recording,
      { username: orgHost.username, slug: orgHost.slug, organizationId: orgTeam.organizationId },
      window(),
    );
    expect(sent[0]).toMatch(/^SELECT "row" FROM "slots_data"\(/);
    expect(sent[1]).not.toContain("slots_data");
    expect(viaFunction).not.toBeNull();
    expect(viaStatement).toEqual(viaFunction);
  });
});

// Team event types with several hosts, one of whom has a connected calendar (real Radicale): a collective event
// loses that host's busy time, a round-robin one still offers it through the other host and books them.
import { beforeAll, describe, expect, it } from "vitest";
import { OVERLAP_MESSAGE } from "../../../src/bookings/errors";
import { expectError } from "../../helpers/api";
import { createTeam, createTeamEventTypeRow } from "../../helpers/fixtures";
import type { Host } from "../slots/helpers";
import { addCalendarEvent, book, type CalendarHost, createCalendarHost, createUtcHost, HOUR, slotsOf, testMonday } from "./busy-helpers";

let withCalendar: CalendarHost;
let plain: Host;
let monday: number;
let collective: { id: number; slug: string };
let roundRobin: { id: number; slug: string };
let teamSlug: string;

beforeAll(async () => {
  [withCalendar, plain] = await Promise.all([createCalendarHost(), createUtcHost()]);
  monday = testMonday();
  await addCalendarEvent(withCalendar, monday + 11 * HOUR);
  const team = await createTeam({ members: [withCalendar, plain] });
  teamSlug = team.slug;
  const hosts = [{ userId: withCalendar.userId }, { userId: plain.userId }];
  collective = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", hosts, { length: 60 });
  roundRobin = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", hosts, { length: 60 });
});

const hours = (list: number[]) => list.map((h) => monday + h * HOUR);

describe("connected calendars of team hosts", () => {
  it("collective: the calendar host's event removes the slot for the team (by id and by team slug)", async () => {
    expect(await slotsOf(`eventTypeId=${collective.id}`, monday)).toEqual(hours([9, 10, 12, 13, 14, 15, 16]));
    expect(await slotsOf(`teamSlug=${teamSlug}&eventTypeSlug=${collective.slug}`, monday)).toEqual(hours([9, 10, 12, 13, 14, 15, 16]));
    const refused = expectError(await book(collective.id, monday + 11 * HOUR), 409);
    expect(refused.error.message).toBe(OVERLAP_MESSAGE);
  });

  it("round robin: the slot stays offered through the other host, who gets the booking", async () => {
    expect(await slotsOf(`eventTypeId=${roundRobin.id}`, monday)).toEqual(hours([9, 10, 11, 12, 13, 14, 15, 16]));
    const booked = await book(roundRobin.id, monday + 11 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    expect((booked.body.data.hosts as { id: number }[]).map((h) => h.id)).toEqual([plain.userId]);
    // Now both are busy at 11:00 (one booked, one by calendar).
    expect(await slotsOf(`eventTypeId=${roundRobin.id}`, monday)).toEqual(hours([9, 10, 12, 13, 14, 15, 16]));
    expectError(await book(roundRobin.id, monday + 11 * HOUR), 409);
  });
});

// Bookings changed in place update their calendar event on the real Radicale: a new location and new guests update
// the same event; a round-robin reassignment moves it from the old organizer's calendar to the new organizer's.
import { beforeAll, describe, expect, it } from "vitest";
import { connectCalendars, referencesOf, unfold, waitFor, writer, writtenReference } from "../../helpers/booking-events";
import { at, attendee, book, futureMonday, onBooking } from "../../helpers/bookings";
import { getDavObject, listDavObjects } from "../../helpers/calendars";
import { createEventTypeForAllHosts, createTeamWithHosts } from "../../helpers/team-bookings";

const monday = futureMonday(7);

describe("edits", () => {
  let main: Awaited<ReturnType<typeof writer<"main">>>;
  beforeAll(async () => {
    main = await writer(["main"]);
  });

  it("a new location and added guests update the same event", async () => {
    const created = await book({ start: at(monday, 0, 10), eventTypeId: main.eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid as string;
    const ref = await writtenReference(uid);
    const objectUrl = `${main.calendars.main}${ref.uid}.ics`;

    const located = await onBooking(uid, "/location", {
      method: "PATCH",
      key: main.host.apiKey,
      body: { location: { type: "link", link: "https://meet.example.com/room-7" } },
    });
    expect(located.status, located.text).toBe(200);
    await waitFor(
      "the new location",
      () => getDavObject(main.dav, objectUrl),
      (ics) => unfold(ics).includes("LOCATION:https://meet.example.com/room-7"),
    );

    const guests = await onBooking(uid, "/guests", {
      method: "POST",
      key: main.host.apiKey,
      body: { guests: [{ email: "late.guest@example.com", name: "Late Guest" }] },
    });
    expect(guests.status, guests.text).toBe(200);
    const ics = await waitFor(
      "the new guest",
      () => getDavObject(main.dav, objectUrl),
      (text) => unfold(text).includes("mailto:late.guest@example.com"),
    );
    expect(unfold(ics)).toContain("LOCATION:https://meet.example.com/room-7");
    expect(await listDavObjects(main.dav, main.calendars.main)).toHaveLength(1);
    expect(await referencesOf(uid)).toMatchObject([{ id: ref.id, uid: ref.uid, syncState: "written" }]);
  });
});

describe("reassignment", () => {
  it("moves the event from the old organizer's calendar to the new organizer's", async () => {
    const team = await createTeamWithHosts(2);
    const [first, second] = await Promise.all(team.hosts.map((host) => connectCalendars(["cal"], host)));
    const rrType = await createEventTypeForAllHosts(team, "ROUND_ROBIN");
    const created = await book({ start: at(monday, 1, 10), eventTypeId: rrType.id, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid as string;
    const organizerId = created.body.data.hosts[0].id as number;
    const [from, to] = organizerId === first!.host.userId ? [first!, second!] : [second!, first!];
    const before = await writtenReference(uid);
    expect(before.externalCalendarId).toBe(from.calendars.cal);

    const reassigned = await onBooking(uid, `/reassign/${to.host.userId}`, { method: "POST", key: team.hosts[0]!.apiKey, body: {} });
    expect(reassigned.status, reassigned.text).toBe(200);
    const refs = await waitFor(
      "the event in the new organizer's calendar",
      () => referencesOf(uid),
      (rows) => rows.some((r) => r.syncState === "written" && r.deleted !== true && r.externalCalendarId === to.calendars.cal),
    );
    expect(refs.map((r) => ({ id: r.id, deleted: r.deleted, calendar: r.externalCalendarId }))).toEqual([
      { id: before.id, deleted: true, calendar: from.calendars.cal },
      { id: expect.any(Number), deleted: null, calendar: to.calendars.cal },
    ]);
    expect(await listDavObjects(from.dav, from.calendars.cal)).toEqual([]);
    expect((await listDavObjects(to.dav, to.calendars.cal)).map((o) => o.url)).toEqual([`${to.calendars.cal}${refs[1]!.uid}.ics`]);
  });
});

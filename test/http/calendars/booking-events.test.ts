// Bookings write events to the organizer's destination calendar, on a real CalDAV server (Radicale,
// test/support/radicale.ts), through the real queue consumer running in the background: every check reads the
// event back from Radicale over HTTP and the BookingReference row from the database.
import { beforeAll, describe, expect, it } from "vitest";
import { calendarEventMessage } from "../../../src/calendars/booking-events/messages";
import { api } from "../../helpers/api";
import { referencesOf, utcStamp, waitFor, type Writer, writer, writtenReference } from "../../helpers/booking-events";
import { at, attendee, book, createBookableEventType, futureMonday, onBooking, V } from "../../helpers/bookings";
import { getDavObject, listDavObjects, setDavOutage } from "../../helpers/calendars";
import { contractProblems } from "../../helpers/contract";
import { withDb } from "../../helpers/fixtures";
import { DEAD_LETTER_QUEUE, runQueue } from "../../helpers/webhooks";

const monday = futureMonday(6);

let main: Writer<"work" | "home">;

beforeAll(async () => {
  main = await writer(["work", "home"], { locations: [{ type: "address", address: "221B Baker Street", public: true }] });
  // The destination calendar is the second one: the event must go there, not to the first.
  const destination = await api("/v2/destination-calendars", {
    method: "PUT",
    key: main.host.apiKey,
    body: { integration: "apple_calendar", externalId: main.calendars.home },
  });
  expect(destination.status, destination.text).toBe(200);
});

describe("booking → event on the destination calendar", () => {
  it("a booking writes one event (title, attendee, location, times) to the destination calendar, recorded as a BookingReference", async () => {
    const booker = attendee("Ann Booker");
    const created = await book({ start: at(monday, 0, 10), eventTypeId: main.eventTypeId, attendee: booker });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid as string;

    const ref = await writtenReference(uid);
    expect(ref).toMatchObject({ type: "apple_calendar", externalCalendarId: main.calendars.home, syncAttempts: 0, syncError: null, deleted: null });
    expect(ref.uid).toBe(ref.syncEventId);
    const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: main.host.userId } }));
    expect(ref.credentialId).toBe(credential.id);

    const ics = await getDavObject(main.dav, `${main.calendars.home}${ref.uid}.ics`);
    expect(ics).toContain(`UID:${ref.uid}`);
    expect(ics).toContain("SUMMARY:Strategy call between");
    expect(ics).toContain(`DTSTART:${utcStamp(at(monday, 0, 10))}`);
    expect(ics).toContain("LOCATION:221B Baker Street");
    expect(ics?.replace(/\r\n /g, "")).toContain(`mailto:${booker.email}`);
    expect(await listDavObjects(main.dav, main.calendars.home)).toHaveLength(1);
    expect(await listDavObjects(main.dav, main.calendars.work)).toHaveLength(0);

    const references = await onBooking(uid, "/references", { key: main.host.apiKey });
    expect(references.status, references.text).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_getBookingReferences", 200, references.body)).toEqual([]);
    expect(references.body.data).toEqual([{ id: ref.id, type: "apple_calendar", eventUid: ref.uid, destinationCalendarId: main.calendars.home }]);
  });

  it("reschedule updates the same event to the new time (the new booking inherits the reference); cancel deletes it", async () => {
    const created = await book({ start: at(monday, 1, 10), eventTypeId: main.eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid as string;
    const ref = await writtenReference(uid);
    const objectUrl = `${main.calendars.home}${ref.uid}.ics`;

    const moved = await onBooking(uid, "/reschedule", { method: "POST", body: { start: at(monday, 1, 14), reschedulingReason: "Clash" } });
    expect(moved.status, moved.text).toBe(201);
    const newUid = moved.body.data.uid as string;
    const ics = await waitFor(
      "the event at its new time",
      () => getDavObject(main.dav, objectUrl),
      (text) => text?.includes(`DTSTART:${utcStamp(at(monday, 1, 14))}`) ?? false,
    );
    expect(ics).toContain(`DTEND:${utcStamp(at(monday, 1, 14, 30))}`);
    expect(await referencesOf(uid)).toEqual([]);
    const [inherited] = await referencesOf(newUid);
    expect(inherited).toMatchObject({ id: ref.id, uid: ref.uid, syncState: "written", deleted: null });
    // Still one event in the calendar: moved, not copied.
    expect((await listDavObjects(main.dav, main.calendars.home)).filter((o) => o.url === objectUrl)).toHaveLength(1);

    const cancelled = await onBooking(newUid, "/cancel", { method: "POST", body: { cancellationReason: "No longer needed" } });
    expect(cancelled.status, cancelled.text).toBe(200);
    await waitFor(
      "the event deleted",
      () => getDavObject(main.dav, objectUrl),
      (text) => text === null,
    );
    const [deleted] = await waitFor(
      "the reference marked deleted",
      () => referencesOf(newUid),
      (refs) => refs[0]?.deleted === true,
    );
    expect(deleted).toMatchObject({ id: ref.id, uid: ref.uid, deleted: true });
  });

  it("a booking that needs confirmation writes nothing until the host confirms it", async () => {
    const { id: confirmTypeId } = await createBookableEventType(main.host, {
      title: "Needs a yes",
      confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false },
    });
    const created = await book({ start: at(monday, 2, 10), eventTypeId: confirmTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid as string;
    expect(created.body.data.status).toBe("pending");
    // Its message, run here to completion: a pending booking gets no reference and no event.
    const run = await runQueue([{ body: calendarEventMessage(uid).body }]);
    expect(run.acked).toHaveLength(1);
    expect(await referencesOf(uid)).toEqual([]);

    const confirmed = await onBooking(uid, "/confirm", { method: "POST", key: main.host.apiKey, version: V });
    expect(confirmed.status, confirmed.text).toBe(200);
    const ref = await writtenReference(uid);
    expect(await getDavObject(main.dav, `${main.calendars.home}${ref.uid}.ics`)).toContain("SUMMARY:Needs a yes between");
  });
});

describe("retries and idempotency", () => {
  it("CalDAV unreachable at booking time: 201 at once, the reference waits with no uid and the error; written once the server is back", async () => {
    const down = await writer(["only"]);
    await setDavOutage(down.dav, true);
    try {
      const started = Date.now();
      const created = await book({ start: at(monday, 0, 11), eventTypeId: down.eventTypeId, attendee: attendee() });
      expect(created.status, created.text).toBe(201);
      expect(Date.now() - started).toBeLessThan(10_000);
      const uid = created.body.data.uid as string;
      const [pending] = await waitFor(
        "a failed attempt",
        () => referencesOf(uid),
        (refs) => (refs[0]?.syncAttempts ?? 0) >= 1,
      );
      expect(pending).toMatchObject({ uid: "", syncState: "pending", type: "apple_calendar", deleted: null });
      expect(pending!.syncError).toBeTruthy();
      // Visible through the API: a reference with no event uid yet.
      const references = await onBooking(uid, "/references", { key: down.host.apiKey });
      expect(references.body.data).toEqual([{ id: pending!.id, type: "apple_calendar", eventUid: "", destinationCalendarId: null }]);
      expect((await api(`/v2/bookings/${uid}`, { version: V })).body.data.status).toBe("accepted");

      await setDavOutage(down.dav, false);
      const ref = await writtenReference(uid);
      // No destination calendar set: the connection's first calendar (CalDAV has no primary).
      expect(ref).toMatchObject({ id: pending!.id, externalCalendarId: down.calendars.only, syncError: null });
      expect(ref.syncAttempts).toBeGreaterThanOrEqual(1);
      const objects = await listDavObjects(down.dav, down.calendars.only);
      expect(objects.map((o) => o.url)).toEqual([`${down.calendars.only}${ref.uid}.ics`]);
    } finally {
      await setDavOutage(down.dav, false);
    }
  });

  it("out of retries (the dead-letter queue): the reference is marked failed, with the last error, and the booking stays", async () => {
    const down = await writer(["only"]);
    await setDavOutage(down.dav, true);
    try {
      const created = await book({ start: at(monday, 4, 11), eventTypeId: down.eventTypeId, attendee: attendee() });
      expect(created.status, created.text).toBe(201);
      const uid = created.body.data.uid as string;
      await waitFor(
        "a failed attempt",
        () => referencesOf(uid),
        (refs) => (refs[0]?.syncAttempts ?? 0) >= 1,
      );
      const run = await runQueue([{ body: calendarEventMessage(uid).body, attempts: 11 }], DEAD_LETTER_QUEUE);
      expect(run.acked).toHaveLength(1);
      const [failed] = await referencesOf(uid);
      expect(failed).toMatchObject({ uid: "", syncState: "failed", deleted: null, syncLeaseUntil: null });
      expect(failed!.syncError).toBeTruthy();
      expect((await api(`/v2/bookings/${uid}`, { version: V })).body.data.status).toBe("accepted");
    } finally {
      await setDavOutage(down.dav, false);
    }
  });

  it("queue redelivery writes nothing twice, even when the database lost the record of a write that reached the server", async () => {
    const created = await book({ start: at(monday, 3, 10), eventTypeId: main.eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid as string;
    const ref = await writtenReference(uid);
    const objectsOfBooking = async () =>
      (await listDavObjects(main.dav, main.calendars.home)).filter((o) => o.ics.includes(`DTSTART:${utcStamp(at(monday, 3, 10))}`));
    expect(await objectsOfBooking()).toHaveLength(1);

    // Three copies of the message at once, next to the background consumer's: still one reference, one event.
    const twin = await book({ start: at(monday, 3, 12), eventTypeId: main.eventTypeId, attendee: attendee() });
    expect(twin.status, twin.text).toBe(201);
    const twinUid = twin.body.data.uid as string;
    await runQueue([1, 2, 3].map(() => ({ body: calendarEventMessage(twinUid).body })));
    const twinRef = await writtenReference(twinUid);
    expect(await referencesOf(twinUid)).toHaveLength(1);
    const twinObjects = (await listDavObjects(main.dav, main.calendars.home)).filter((o) => o.ics.includes(`DTSTART:${utcStamp(at(monday, 3, 12))}`));
    expect(twinObjects.map((o) => o.url)).toEqual([`${main.calendars.home}${twinRef.uid}.ics`]);

    // The same message delivered twice more.
    for (let i = 0; i < 2; i++) {
      const run = await runQueue([{ body: calendarEventMessage(uid).body }]);
      expect(run.acked).toHaveLength(1);
    }
    expect(await referencesOf(uid)).toHaveLength(1);
    expect(await objectsOfBooking()).toHaveLength(1);

    // The event was PUT but the reference update was lost (a crash in between): the retry reuses the same id.
    await withDb((db) => db.bookingReference.update({ where: { id: ref.id }, data: { uid: "", syncState: "pending", syncFingerprint: null } }));
    const retried = await runQueue([{ body: calendarEventMessage(uid).body }]);
    expect(retried.acked).toHaveLength(1);
    const [after] = await referencesOf(uid);
    expect(after).toMatchObject({ id: ref.id, uid: ref.uid, syncState: "written" });
    expect((await objectsOfBooking()).map((o) => o.url)).toEqual([`${main.calendars.home}${ref.uid}.ics`]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, V } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { createTeamEventTypeRow, withDb } from "../../helpers/fixtures";
import { bookingHostRows, createEventTypeForAllHosts, createTeamWithHosts, type TeamWithHosts } from "../../helpers/team-bookings";

// Reschedule, cancel and confirm keep a team booking's hosts (BookingHost) consistent; the list shows a booking
// to its co-hosts and to its team's admins.

const monday = futureMonday(8);
let team: TeamWithHosts;
let collectiveType: { id: number };

const post = (uid: string, action: string, body: unknown, key?: string) => onBooking(uid, `/${action}`, { method: "POST", body, key });

beforeAll(async () => {
  team = await createTeamWithHosts(3);
  collectiveType = await createEventTypeForAllHosts(team, "COLLECTIVE");
});

describe("collective bookings through their lifecycle", () => {
  it("reschedule: the new booking holds every host at the new time; the old one's rows are cancelled", async () => {
    const created = await book({ start: at(monday, 0, 9), eventTypeId: collectiveType.id, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const moved = await post(created.body.data.uid, "reschedule", { start: at(monday, 0, 14) });
    expect(moved.status, moved.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_rescheduleBooking", 201, moved.body)).toEqual([]);
    const ids = team.hosts.map((h) => h.userId);
    expect((await bookingHostRows(moved.body.data.uid)).map((r) => [r.userId, r.status])).toEqual(ids.map((id) => [id, "accepted"]));
    expect((await bookingHostRows(created.body.data.uid)).map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });

  it("reschedule onto a time when a co-host is busy: 409", async () => {
    const created = await book({ start: at(monday, 1, 9), eventTypeId: collectiveType.id, attendee: attendee() });
    const personal = await createBookableEventType(team.hosts[2]!);
    expect((await book({ start: at(monday, 1, 12), eventTypeId: personal.id, attendee: attendee() })).status).toBe(201);
    const moved = await post(created.body.data.uid, "reschedule", { start: at(monday, 1, 12) });
    expect(moved.status, moved.text).toBe(409);
  });

  it("cancel frees every host's time: a co-host's personal event type can take the slot afterwards", async () => {
    const start = at(monday, 1, 15);
    const created = await book({ start, eventTypeId: collectiveType.id, attendee: attendee() });
    const personal = await createBookableEventType(team.hosts[1]!);
    expect((await book({ start, eventTypeId: personal.id, attendee: attendee() })).status).toBe(409);
    expect((await post(created.body.data.uid, "cancel", { cancellationReason: "no" })).status).toBe(200);
    expect((await bookingHostRows(created.body.data.uid)).every((r) => r.status === "cancelled")).toBe(true);
    expect((await book({ start, eventTypeId: personal.id, attendee: attendee() })).status).toBe(201);
  });

  it("a pending collective booking: a co-host confirms it, every host's row becomes accepted", async () => {
    const type = await createEventTypeForAllHosts(team, "COLLECTIVE", { requiresConfirmation: true });
    const created = await book({ start: at(monday, 2, 10), eventTypeId: type.id, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    expect((await bookingHostRows(created.body.data.uid)).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
    const confirmed = await post(created.body.data.uid, "confirm", undefined, team.hosts[2]!.apiKey);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect((await bookingHostRows(created.body.data.uid)).map((r) => r.status)).toEqual(["accepted", "accepted", "accepted"]);
  });
});

describe("round-robin reschedule", () => {
  it("rescheduleWithSameRoundRobinHost keeps the host; otherwise the host is chosen again", async () => {
    const [a, b] = team.hosts;
    const hosts = team.hosts.map((h) => ({ userId: h.userId }));
    const same = await createTeamEventTypeRow(team.team.teamId, "ROUND_ROBIN", hosts, { rescheduleWithSameRoundRobinHost: true });
    const other = await createTeamEventTypeRow(team.team.teamId, "ROUND_ROBIN", hosts);
    for (const [type, expected] of [
      [same, a!.userId],
      [other, b!.userId],
    ] as const) {
      const created = await book({ start: at(monday, 3, 9), eventTypeId: type.id, attendee: attendee() });
      expect(created.body.data.hosts[0].id).toBe(a!.userId);
      // The first host has a booking of this type now: a fresh choice goes to the next, never booked, host.
      const moved = await post(created.body.data.uid, "reschedule", { start: at(monday, 3, 13) });
      expect(moved.status, moved.text).toBe(201);
      expect(moved.body.data.hosts[0].id).toBe(expected);
      expect((await bookingHostRows(moved.body.data.uid)).map((r) => r.userId)).toEqual([expected]);
      // Free the hosts for the next round.
      expect((await post(moved.body.data.uid, "cancel", {})).status).toBe(200);
    }
  });
});

describe("GET /v2/bookings for team bookings", () => {
  it("co-hosts and the team's admins see a team booking; other members and strangers do not", async () => {
    const created = await book({ start: at(monday, 4, 9), eventTypeId: collectiveType.id, attendee: attendee() });
    const uid = created.body.data.uid;
    const list = (key: string, query = "") => api(`/v2/bookings?bookingUid=${uid}${query}`, { version: V, key });
    const coHost = await list(team.hosts[2]!.apiKey);
    expect(coHost.status).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_getBookings", 200, coHost.body)).toEqual([]);
    expect(coHost.body.data.map((b: { uid: string }) => b.uid)).toEqual([uid]);

    // A round-robin booking of one member: the team owner (an admin) sees it, a plain member does not.
    const rrType = await createTeamEventTypeRow(team.team.teamId, "ROUND_ROBIN", [{ userId: team.hosts[1]!.userId }]);
    const rr = await book({ start: at(monday, 4, 11), eventTypeId: rrType.id, attendee: attendee() });
    const rrList = (key: string, query = "") => api(`/v2/bookings?bookingUid=${rr.body.data.uid}${query}`, { version: V, key });
    expect((await rrList(team.hosts[0]!.apiKey)).body.data).toHaveLength(1);
    expect((await rrList(team.hosts[0]!.apiKey, `&teamId=${team.team.teamId}`)).body.data).toHaveLength(1);
    expect((await rrList(team.hosts[2]!.apiKey)).body.data).toHaveLength(0);
    const stranger = await createHost();
    expect((await list(stranger.apiKey)).body.data).toHaveLength(0);
    // A pending (not accepted) admin membership does not see the team's bookings.
    await withDb((db) => db.membership.create({ data: { teamId: team.team.teamId, userId: stranger.userId, role: "ADMIN", accepted: false } }));
    expect((await rrList(stranger.apiKey)).body.data).toHaveLength(0);
  });
});

describe("PATCH /v2/bookings/{uid}/location for team bookings", () => {
  it("a co-host and the team's owner may change it; a user of another team may not (403)", async () => {
    const created = await book({ start: at(monday, 4, 14), eventTypeId: collectiveType.id, attendee: attendee() });
    const patch = (key: string, link: string) =>
      onBooking(created.body.data.uid, "/location", { method: "PATCH", key, body: { location: { type: "link", link } } });
    const byCoHost = await patch(team.hosts[2]!.apiKey, "https://meet.example.com/cohost");
    expect(byCoHost.status, byCoHost.text).toBe(200);
    expect(byCoHost.body.data.location).toBe("https://meet.example.com/cohost");
    expect((await patch(team.hosts[0]!.apiKey, "https://meet.example.com/owner")).status).toBe(200);
    const other = await createTeamWithHosts(1);
    expect((await patch(other.hosts[0]!.apiKey, "https://meet.example.com/x")).status).toBe(403);
  });
});

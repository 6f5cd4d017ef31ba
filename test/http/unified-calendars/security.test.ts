// Cal.com's unified-calendar routes read and rewrite any booking's Google event for any caller who knows its id
// (an IDOR). Here the caller must be able to manage the booking: its hosts, the event type's owner or an admin of
// their organization, or an admin of the event type's team. Anyone else gets the unknown id's 404 and Google is
// never asked.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { addTeamMembership, createOrganization, createTeam, createTenant, withDb } from "../../helpers/fixtures";
import { googleState } from "../../helpers/google";
import { createGoogleBooking, eventPath, eventsPath, type GoogleBooking } from "./helpers";

// Made in the hook, whose longer timeout absorbs the worker's cold start on a loaded machine.
let first: GoogleBooking;
beforeAll(async () => {
  first = await createGoogleBooking();
  await api(eventPath("warmup0", "office365"), { key: first.host.apiKey });
});

describe("Cal Unified Calendars: who may read and change a booking's event", () => {
  it("another user gets 404 for both operations, and the event is neither read nor changed", async () => {
    const booking = first;
    const stranger = await createTenant();
    expect(expectError(await api(eventPath(booking.eventId), { key: stranger.apiKey }), 404).error.message).toBe("Booking reference not found");
    const patch = await api(eventsPath(booking.eventId), { key: stranger.apiKey, method: "PATCH", body: { title: "Pwned" } });
    expect(expectError(patch, 404).error.message).toBe("Booking reference not found");
    const state = await googleState(booking.account);
    expect(state.requests.filter((r) => r.path.includes("/events/"))).toEqual([]);
    expect(state.events[0]!.body.summary).toBe("Intro call");
  });

  it("a team booking: team admins and co-hosts may, plain team members may not", async () => {
    const team = await createTeam();
    const admin = await createTenant();
    const member = await createTenant();
    const coHost = await createTenant();
    await addTeamMembership(team.teamId, admin.userId, "ADMIN");
    await addTeamMembership(team.teamId, member.userId, "MEMBER");
    const booking = await createGoogleBooking({ teamId: team.teamId });
    await withDb((db) =>
      db.bookingHost.create({
        data: {
          bookingId: booking.bookingId,
          userId: coHost.userId,
          isOrganizer: false,
          startTime: new Date("2030-04-01T10:00:00Z"),
          endTime: new Date("2030-04-01T10:30:00Z"),
          status: "ACCEPTED",
        },
      }),
    );
    expect(dataOf<{ id: string }>(await api(eventPath(booking.eventId), { key: admin.apiKey })).id).toBe(booking.eventId);
    expect(
      dataOf<{ title: string }>(await api(eventsPath(booking.eventId), { key: coHost.apiKey, method: "PATCH", body: { title: "By co-host" } })).title,
    ).toBe("By co-host");
    expectError(await api(eventPath(booking.eventId), { key: member.apiKey }), 404);
  });

  it("an admin of the organizer's organization may; a member of it may not", async () => {
    const org = await createOrganization();
    const organizer = await org.addMember("MEMBER");
    const admin = await org.addMember("ADMIN");
    const member = await org.addMember("MEMBER");
    const booking = await createGoogleBooking({
      host: { userId: organizer.userId, email: organizer.email, username: organizer.username, apiKey: organizer.apiKey, apiKeyId: "" },
    });
    expect(dataOf<{ id: string }>(await api(eventPath(booking.eventId), { key: admin.apiKey })).id).toBe(booking.eventId);
    expectError(await api(eventPath(booking.eventId), { key: member.apiKey }), 404);
  });
});

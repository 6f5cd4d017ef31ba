import { beforeAll, describe, expect, it } from "vitest";
import { at, futureMonday } from "../../helpers/bookings";
import { bookingHostRows, createEventTypeForAllHosts, createTeamWithHosts, type TeamWithHosts } from "../../helpers/team-bookings";
import { legacyBody, legacyBook, NewBookingResponseSchema } from "../bookings-legacy/helpers";

// The atoms Booker's body (2024-04-15, no version header) books team event types as the 2024-08-13 body does.

const monday = futureMonday(10);
// The fixture's team event types have no locations: the booker sends none.
const body = (eventTypeId: number, start: string) =>
  legacyBody(eventTypeId, start, { responses: { name: "Bea Booker", email: `bea-${eventTypeId}-${crypto.randomUUID()}@example.com`, guests: [] } });
let team: TeamWithHosts;

beforeAll(async () => {
  team = await createTeamWithHosts(3);
});

describe("POST /v2/bookings, legacy body, team event types", () => {
  it("collective: Cal.com's core booking for the organizer, every host holding it", async () => {
    const type = await createEventTypeForAllHosts(team, "COLLECTIVE");
    const res = await legacyBook(body(type.id, at(monday, 0, 10)));
    expect(res.status, res.text).toBe(201);
    const parsed = NewBookingResponseSchema.safeParse(res.body.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(res.body.data).toMatchObject({ eventTypeId: type.id, userId: team.hosts[0]!.userId, status: "ACCEPTED" });
    expect((await bookingHostRows(res.body.data.uid)).map((r) => r.userId)).toEqual(team.hosts.map((h) => h.userId));
  });

  it("round robin: one host per booking; when every host is taken, the next booking is refused", async () => {
    const type = await createEventTypeForAllHosts(team, "ROUND_ROBIN");
    const start = at(monday, 1, 10);
    const organizers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await legacyBook(body(type.id, start));
      expect(res.status, res.text).toBe(201);
      organizers.push(res.body.data.userId);
    }
    expect(organizers.sort((a, b) => a - b)).toEqual(team.hosts.map((h) => h.userId));
    const full = await legacyBook(body(type.id, start));
    // The legacy controller's answer to a taken slot (Cal.com's handleNewBooking error code).
    expect(full.status, full.text).toBe(400);
    expect(full.body.error.message).toBe("no_available_users_found_error");
  });
});

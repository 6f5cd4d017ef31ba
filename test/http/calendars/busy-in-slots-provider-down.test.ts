// Fail closed: a host whose calendar provider does not answer (an ICS feed answering 503 over real HTTP) offers
// no slot and cannot be booked, with a 409 saying why; the other hosts of a round-robin event type still are.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../helpers/api";
import { createTeam, createTeamEventTypeRow } from "../../helpers/fixtures";
import type { Host } from "../slots/helpers";
import { book, connectFailingFeed, createUtcHost, HOUR, slotsOf, testMonday } from "./busy-helpers";

let down: Host;
let up: Host;
let monday: number;
let collective: { id: number };
let roundRobin: { id: number };

beforeAll(async () => {
  [down, up] = await Promise.all([createUtcHost(), createUtcHost()]);
  await connectFailingFeed(down);
  monday = testMonday();
  const team = await createTeam({ members: [down, up] });
  const hosts = [{ userId: down.userId }, { userId: up.userId }];
  collective = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", hosts, { length: 60 });
  roundRobin = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", hosts, { length: 60 });
});

const allDay = () => [9, 10, 11, 12, 13, 14, 15, 16].map((h) => monday + h * HOUR);

describe("a calendar provider that is down", () => {
  it("its host's own event type offers nothing, and a booking is refused with a 409 naming the calendar", async () => {
    expect(await slotsOf(`eventTypeId=${down.eventTypeId}`, monday)).toEqual([]);
    const refused = expectError(await book(down.eventTypeId, monday + 10 * HOUR), 409);
    expect(refused.error.message).toBe(
      "The host's connected calendar could not be checked for conflicts, so this time cannot be booked right now. Please try again later.",
    );
  });

  it("round robin: the other host is still offered and gets the booking", async () => {
    expect(await slotsOf(`eventTypeId=${roundRobin.id}`, monday)).toEqual(allDay());
    const booked = await book(roundRobin.id, monday + 10 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    expect((booked.body.data.hosts as { id: number }[]).map((h) => h.id)).toEqual([up.userId]);
  });

  it("collective: nothing is offered, and a booking is refused with a 409 naming one of the hosts' calendars", async () => {
    expect(await slotsOf(`eventTypeId=${collective.id}`, monday)).toEqual([]);
    const refused = expectError(await book(collective.id, monday + 12 * HOUR), 409);
    expect(refused.error.message).toMatch(/^One of the hosts' connected calendars could not be checked for conflicts/);
  });

  it("a host without calendars is unaffected (but for the round-robin booking it took)", async () => {
    expect(await slotsOf(`eventTypeId=${up.eventTypeId}`, monday)).toEqual(allDay().filter((start) => start !== monday + 10 * HOUR));
  });
});

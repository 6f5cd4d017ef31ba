import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTeam, createTeamEventTypeRow, createTenant, sql, type TeamFixture } from "../../helpers/fixtures";
import { getSlots, isoDate, mondayAhead, V } from "../slots/helpers";
import { createMember, HOUR, insertHostBooking, type TeamMember, utcTimes, weekdays } from "./helpers";

// Slot reservations on team event types hold every host the slot needs: every collective host; a round
// robin's fixed hosts and its other hosts who are free then.

const monday = mondayAhead(63);
const day = { start: isoDate(monday), end: isoDate(monday) };
let a: TeamMember;
let b: TeamMember;
let c: TeamMember;
let team: TeamFixture;

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    createMember({ availability: weekdays("09:00", "17:00") }),
    createMember({ availability: weekdays("09:00", "17:00") }),
    createMember({ availability: weekdays("09:00", "17:00") }),
  ]);
  team = await createTeam({ owners: [a], members: [b, c] });
});

const reserve = (body: Record<string, unknown>, key?: string) => api("/v2/slots/reservations", { method: "POST", version: V, body, key });
const at = (hour: number) => new Date(monday + hour * HOUR).toISOString();
const heldBy = async (uid: string) =>
  (await sql<{ userId: number; start: Date }>`SELECT "userId", "slotUtcStartDate" AS start FROM "SelectedSlots" WHERE "uid" = ${uid} ORDER BY "userId"`).map(
    (row) => row.userId,
  );
const times = async (eventTypeId: number) => utcTimes((await getSlots({ eventTypeId, ...day })).body.data);

describe("POST /v2/slots/reservations on team event types", () => {
  it("collective: holds every host; the slot leaves the team's and each host's other event types' slots", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: a.userId }, { userId: b.userId }]);
    const other = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: b.userId }]);
    const res = await reserve({ eventTypeId: et.id, slotStart: at(10) });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("SlotsController_2024_09_04_reserveSlot", 201, res.body)).toEqual([]);
    const uid = res.body.data.reservationUid;
    expect(await heldBy(uid)).toEqual([a.userId, b.userId].sort((x, y) => x - y));
    expect(await times(et.id)).not.toContain("10:00");
    expect(await times(other.id)).not.toContain("10:00");

    const again = await reserve({ eventTypeId: et.id, slotStart: at(10) });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe("This time slot is already reserved by another user. Please choose a different time.");

    const read = await api(`/v2/slots/reservations/${uid}`, { version: V });
    expect(read.body.data).toMatchObject({ eventTypeId: et.id, slotStart: at(10), slotDuration: 30 });

    // Moving the hold moves every host's row; deleting it frees every host.
    const moved = await api(`/v2/slots/reservations/${uid}`, { method: "PATCH", version: V, body: { eventTypeId: et.id, slotStart: at(11) } });
    expect(moved.status, moved.text).toBe(200);
    const rows = await sql<{ start: Date }>`SELECT "slotUtcStartDate" AS start FROM "SelectedSlots" WHERE "uid" = ${uid}`;
    expect(rows.map((r) => new Date(r.start).toISOString().slice(11, 16))).toEqual(["11:00", "11:00"]);
    expect(await times(et.id)).toContain("10:00");
    expect(await times(et.id)).not.toContain("11:00");
    expect((await api(`/v2/slots/reservations/${uid}`, { method: "DELETE", version: V })).status).toBe(200);
    expect(await heldBy(uid)).toEqual([]);
    expect(await times(et.id)).toContain("11:00");
  });

  it("collective: a slot one host has booked cannot be held", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: a.userId }, { userId: c.userId }]);
    await insertHostBooking(c.userId, monday + 13 * HOUR, 60);
    const res = await reserve({ eventTypeId: et.id, slotStart: at(13) });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe("Can't reserve a slot if the event is already booked.");
  });

  it("round robin: holds the fixed host and the free rotating hosts; held while a rotating host is free", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: a.userId, isFixed: true }, { userId: b.userId }, { userId: c.userId }]);
    // c is booked 13:00-14:00 (above): a 13:30 hold takes a (fixed) and b (free), not c.
    const res = await reserve({ eventTypeId: et.id, slotStart: at(13.5) });
    expect(res.status, res.text).toBe(201);
    expect(await heldBy(res.body.data.reservationUid)).toEqual([a.userId, b.userId].sort((x, y) => x - y));
    // No rotating host is free any more (b held, c booked): the slot is taken.
    const again = await reserve({ eventTypeId: et.id, slotStart: at(13.5) });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe("Can't reserve a slot if the event is already booked.");
  });

  it("round robin without fixed hosts: a hold takes only the free host, and then no host is left for another", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: b.userId }, { userId: c.userId }]);
    await insertHostBooking(b.userId, monday + 15 * HOUR, 30);
    const first = await reserve({ eventTypeId: et.id, slotStart: at(15) });
    expect(first.status, first.text).toBe(201);
    expect(await heldBy(first.body.data.reservationUid)).toEqual([c.userId]);
    const second = await reserve({ eventTypeId: et.id, slotStart: at(15) });
    expect(second.status).toBe(422);
    expect(second.body.error.message).toBe("Can't reserve a slot if the event is already booked.");
  });

  it("a managed template cannot be held", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "MANAGED", [{ userId: a.userId }]);
    const res = await reserve({ eventTypeId: et.id, slotStart: at(9) });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Event Type with ID=${et.id} not found`);
  });

  it("a custom reservationDuration: a team member may set it, an outsider may not", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: b.userId }]);
    const member = await reserve({ eventTypeId: et.id, slotStart: at(9), reservationDuration: 10 }, a.apiKey);
    expect(member.status, member.text).toBe(201);
    expect(member.body.data.reservationDuration).toBe(10);
    const outsider = await createTenant();
    const refused = await reserve({ eventTypeId: et.id, slotStart: at(9.5), reservationDuration: 10 }, outsider.apiKey);
    expect(refused.status).toBe(403);
  });
});

describe("legacy POST /v2/slots/reserve on team event types", () => {
  it("holds every collective host under the booker's uid", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: b.userId }, { userId: c.userId }]);
    const res = await api("/v2/slots/reserve", { body: { eventTypeId: et.id, slotUtcStartDate: at(16), slotUtcEndDate: at(16.5) } });
    expect(res.status, res.text).toBe(201);
    expect(await heldBy(res.body.data)).toEqual([b.userId, c.userId].sort((x, y) => x - y));
    expect(await times(et.id)).not.toContain("16:00");
  });
});

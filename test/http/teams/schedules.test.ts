import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createSchedule, createTeamMembershipViaApi, createTeamViaApi, createTenant, type Tenant } from "../../helpers/fixtures";

// GET /v2/teams/{teamId}/schedules: every member's schedules (pending members too), in the 2024-06-11 shape.

let owner: Tenant;
let teamId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const [o, accepted, pending, stranger] = await Promise.all([createTenant(), createTenant(), createTenant(), createTenant()]);
  owner = o;
  teamId = (await createTeamViaApi(owner.apiKey)).id;
  await createTeamMembershipViaApi(owner.apiKey, teamId, accepted.userId);
  await createTeamMembershipViaApi(owner.apiKey, teamId, pending.userId, { accepted: false });
  ids.owner = (await createSchedule(owner, { name: "Owner hours" })).id;
  ids.accepted = (await createSchedule(accepted, { name: "Accepted hours", timeZone: "Europe/Berlin" })).id;
  ids.acceptedSecond = (
    await createSchedule(accepted, { name: "Weekend", isDefault: false, availability: [{ days: ["Saturday"], startTime: "10:00", endTime: "12:00" }] })
  ).id;
  ids.pending = (await createSchedule(pending, { name: "Pending hours" })).id;
  ids.stranger = (await createSchedule(stranger, { name: "Not in the team" })).id;
});

describe("GET /v2/teams/{teamId}/schedules", () => {
  it("answers every member's schedules, pending members included, strangers' never", async () => {
    const res = await api(`/v2/teams/${teamId}/schedules`, { key: owner.apiKey });
    expect(contractProblems("TeamsSchedulesController_getTeamSchedules", 200, res.body)).toEqual([]);
    const schedules = dataOf<{ id: number; name: string; isDefault: boolean; timeZone: string; availability: unknown[] }[]>(res);
    expect(schedules.map((s) => s.id)).toEqual([ids.owner, ids.accepted, ids.acceptedSecond, ids.pending]);
    const weekend = schedules.find((s) => s.id === ids.acceptedSecond)!;
    expect(weekend).toMatchObject({ name: "Weekend", isDefault: false, availability: [{ days: ["Saturday"], startTime: "10:00", endTime: "12:00" }] });
    expect(schedules.find((s) => s.id === ids.accepted)).toMatchObject({ isDefault: true, timeZone: "Europe/Berlin" });
    expect(res.text).not.toContain("Not in the team");
  });

  it("is paginated over schedules with skip/take", async () => {
    const res = await api(`/v2/teams/${teamId}/schedules?skip=1&take=2`, { key: owner.apiKey });
    expect(dataOf<{ id: number }[]>(res).map((s) => s.id)).toEqual([ids.accepted, ids.acceptedSecond]);
  });
});

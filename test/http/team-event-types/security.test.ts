// Cal.com's RolesGuard on /v2/teams/{teamId}/event-types: writes and get-one need TEAM_ADMIN (a pending
// membership counts), the list is public.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { addTeamMembership, createTeam, createTeamEventTypeRow, createTenant, type Tenant } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

let owner: Tenant;
let admin: Tenant;
let pendingAdmin: Tenant;
let member: Tenant;
let outsider: Tenant;
let teamId: number;
let eventTypeId: number;

beforeAll(async () => {
  [owner, admin, pendingAdmin, member, outsider] = await Promise.all([createTenant(), createTenant(), createTenant(), createTenant(), createTenant()]);
  teamId = (await createTeam({ owners: [owner], members: [member] })).teamId;
  await addTeamMembership(teamId, admin.userId, "ADMIN");
  await addTeamMembership(teamId, pendingAdmin.userId, "ADMIN", false);
  eventTypeId = (await createTeamEventTypeRow(teamId, "COLLECTIVE", [{ userId: member.userId }])).id;
});

const ROUTES = () => [
  {
    label: "POST",
    path: `/v2/teams/${teamId}/event-types`,
    method: "POST",
    body: { lengthInMinutes: 30, title: "X", slug: `x-${Date.now()}`, schedulingType: "collective" },
  },
  { label: "GET one", path: `/v2/teams/${teamId}/event-types/${eventTypeId}`, method: "GET" },
  { label: "PATCH", path: `/v2/teams/${teamId}/event-types/${eventTypeId}`, method: "PATCH", body: { description: "changed" } },
  {
    label: "create-phone-call",
    path: `/v2/teams/${teamId}/event-types/${eventTypeId}/create-phone-call`,
    method: "POST",
    body: { yourPhoneNumber: "+14155550100", numberToCall: "+14155550101", calApiKey: "cal_x", enabled: true, templateType: "CUSTOM_TEMPLATE" },
  },
  { label: "DELETE", path: `/v2/teams/${teamId}/event-types/${eventTypeId}`, method: "DELETE" },
];

for (const index of ROUTES().keys()) {
  describe(`${ROUTES()[index]!.label} /v2/teams/{teamId}/event-types…`, () => {
    const call = () => ROUTES()[index]!;
    itRejectsMissingAndInvalidCredentials(() => call());

    it("403 for an outsider (not a member of the team)", async () => {
      const res = await api(call().path, { ...call(), key: outsider.apiKey });
      expect(expectError(res, 403, "ForbiddenException").error.message).toBe(`RolesGuard - User is not a member of the team with id=${teamId}.`);
    });

    it("403 for a plain member", async () => {
      const res = await api(call().path, { ...call(), key: member.apiKey });
      expect(expectError(res, 403).error.message).toBe(
        `RolesGuard - user with id=${member.userId} does not have the minimum required role=TEAM_ADMIN within team with id=${teamId}.`,
      );
    });
  });
}

describe("who passes", () => {
  it("an admin, a pending admin (Cal.com ignores `accepted`) and the owner may read and write", async () => {
    for (const caller of [admin, pendingAdmin, owner]) {
      const read = await api(`/v2/teams/${teamId}/event-types/${eventTypeId}`, { key: caller.apiKey });
      expect(dataOf<LooseBody>(read).id).toBe(eventTypeId);
      const write = await api(`/v2/teams/${teamId}/event-types/${eventTypeId}`, {
        method: "PATCH",
        key: caller.apiKey,
        body: { description: `by ${caller.userId}` },
      });
      expect(dataOf<LooseBody>(write).description).toBe(`by ${caller.userId}`);
    }
  });

  it("the list needs no credentials and ignores them (Cal.com's controller has no guard)", async () => {
    for (const key of [undefined, outsider.apiKey, "cal_00000000000000000000000000000000"]) {
      const res = await api(`/v2/teams/${teamId}/event-types`, { key });
      expect(dataOf<LooseBody[]>(res).map((e) => e.id)).toContain(eventTypeId);
    }
  });

  it("an unknown team is the outsider's 403, never a 404", async () => {
    const res = await api("/v2/teams/2147483000/event-types/1", { key: admin.apiKey });
    expect(expectError(res, 403).error.message).toBe("RolesGuard - User is not a member of the team with id=2147483000.");
  });
});

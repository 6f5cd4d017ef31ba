// GET /v2/organizations/{orgId}/bookings, …/teams/{teamId}/bookings, …/users/{userId}/bookings: one bookings
// list with three scopes, and the org team booking references.
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import {
  createOrganization,
  createTenant,
  insertBookingRow,
  insertEventTypeRow,
  type OrganizationFixture,
  type OrgMember,
  type Tenant,
  withDb,
} from "../../helpers/fixtures";

const ORG_LIST = "OrganizationsBookingsController_getAllOrgTeamBookings";
const TEAM_LIST = "OrganizationsTeamsBookingsController_getAllOrgTeamBookings";
// The contract documents no body for the user list; it is GET /v2/bookings' output.
const USER_LIST = "BookingsController_2024_08_13_getBookings";
const REFERENCES = "OrganizationsTeamsBookingsController_getBookingReferences";

let org: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;
let teamAdmin: OrgMember;
let outsider: Tenant;
let otherOrg: OrganizationFixture;
let teamA: number;
let teamB: number;
let otherTeam: number;
const uid: Record<string, string> = {};
const DAY = 86_400_000;
const base = Date.UTC(2031, 0, 6, 9);
const at = (day: number) => new Date(base + day * DAY);

beforeAll(async () => {
  [org, otherOrg, outsider] = await Promise.all([createOrganization(), createOrganization(), createTenant()]);
  admin = org.owner;
  [member, teamAdmin] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER")]);
  teamA = (await org.addTeam([{ userId: member.userId }, { userId: teamAdmin.userId, role: "ADMIN" }])).teamId;
  teamB = (await org.addTeam([{ userId: teamAdmin.userId }])).teamId;
  otherTeam = (await otherOrg.addTeam([{ userId: otherOrg.owner.userId }])).teamId;
  const [etA, etB, etMember, etOutsider, etOther] = await Promise.all([
    insertEventTypeRow({ teamId: teamA }, "Team A call"),
    insertEventTypeRow({ teamId: teamB }, "Team B call"),
    insertEventTypeRow({ userId: member.userId }, "Member call"),
    insertEventTypeRow({ userId: outsider.userId }, "Outsider call"),
    insertEventTypeRow({ teamId: otherTeam }, "Other org call"),
  ]);
  const rows: [string, Parameters<typeof insertBookingRow>[0]][] = [
    ["A1", { userId: member.userId, eventTypeId: etA.id, start: at(0), title: "A1" }],
    ["B1", { userId: teamAdmin.userId, eventTypeId: etB.id, start: at(1), title: "B1" }],
    ["M1", { userId: member.userId, eventTypeId: etMember.id, start: at(2), title: "M1", status: "PENDING" }],
    // Someone outside the org booked with a member as attendee: the org sees it (Cal.com's attendee rule).
    ["O1", { userId: outsider.userId, eventTypeId: etOutsider.id, start: at(3), title: "O1", attendees: [{ name: "Member", email: member.email }] }],
    ["O2", { userId: outsider.userId, eventTypeId: etOutsider.id, start: at(4), title: "O2" }],
    ["X1", { userId: otherOrg.owner.userId, eventTypeId: etOther.id, start: at(5), title: "X1" }],
  ];
  for (const [name, row] of rows) uid[name] = (await insertBookingRow(row)).uid;
  await withDb(async (db) => {
    const booking = await db.booking.findUniqueOrThrow({ where: { uid: uid.A1! }, select: { id: true } });
    await db.bookingReference.create({ data: { bookingId: booking.id, type: "google_calendar", uid: "gcal-event-1", externalCalendarId: "primary" } });
  });
});

const titles = (res: { body: { data: { title: string }[] } }) => res.body.data.map((b) => b.title);
const orgPath = (suffix = "") => `/v2/organizations/${org.organizationId}${suffix}`;

describe("GET /v2/organizations/{orgId}/bookings", () => {
  it("every booking of the org's members and teams, never another org's or an outsider's own, in the contract's shape", async () => {
    const res = await api(orgPath("/bookings"), { key: admin.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems(ORG_LIST, 200, res.body)).toEqual([]);
    expect(titles(res)).toEqual(["A1", "B1", "M1", "O1"]);
    expect(res.body.pagination).toMatchObject({ totalItems: 4, returnedItems: 4, itemsPerPage: 100, currentPage: 1 });
  });

  it("filters, sorting and pagination as GET /v2/bookings; a page past the end still carries the total", async () => {
    expect(titles(await api(orgPath("/bookings?status=unconfirmed"), { key: admin.apiKey }))).toEqual(["M1"]);
    expect(titles(await api(orgPath(`/bookings?teamId=${teamB}`), { key: admin.apiKey }))).toEqual(["B1"]);
    const page = await api(orgPath("/bookings?sortStart=desc&take=2&skip=1"), { key: admin.apiKey });
    expect(titles(page)).toEqual(["M1", "B1"]);
    expect(page.body.pagination).toMatchObject({ totalItems: 4, returnedItems: 2, remainingItems: 1, hasNextPage: true, hasPreviousPage: true });
    const beyond = await api(orgPath("/bookings?take=2&skip=10"), { key: admin.apiKey });
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.pagination).toMatchObject({ totalItems: 4, returnedItems: 0 });
  });

  it("userIds narrows to some members (organizer, co-host or attendee); an id outside the org is a 403", async () => {
    expect(titles(await api(orgPath(`/bookings?userIds=${member.userId}`), { key: admin.apiKey }))).toEqual(["A1", "M1", "O1"]);
    expect(titles(await api(orgPath(`/bookings?userIds=${teamAdmin.userId},${teamAdmin.userId}`), { key: admin.apiKey }))).toEqual(["B1"]);
    for (const ids of [`${outsider.userId}`, `${member.userId},${otherOrg.owner.userId}`, "2147483647"]) {
      const res = await api(orgPath(`/bookings?userIds=${ids}`), { key: admin.apiKey });
      expect(expectError(res, 403).error.message).toBe("You do not have permissions to fetch bookings for specified userIds");
    }
    expect((await api(orgPath("/bookings?userIds=1,x"), { key: admin.apiKey })).status).toBe(400);
    expect((await api(orgPath("/bookings?userIds=99999999999"), { key: admin.apiKey })).status).toBe(400);
  });

  it("bad query parameters are 400s naming them", async () => {
    const res = await api(orgPath("/bookings?take=0&status=soon"), { key: admin.apiKey });
    const { message } = expectError(res, 400, "BadRequestException").error;
    expect(message).toContain("take");
    expect(message).toContain("status");
  });
});

describe("GET /v2/organizations/{orgId}/teams/{teamId}/bookings", () => {
  it("the team's event types' bookings only, for an org admin and for the team's admin", async () => {
    for (const key of [admin.apiKey, teamAdmin.apiKey]) {
      const res = await api(orgPath(`/teams/${teamA}/bookings`), { key });
      expect(res.status, res.text).toBe(200);
      expect(contractProblems(TEAM_LIST, 200, res.body)).toEqual([]);
      expect(titles(res)).toEqual(["A1"]);
    }
    expect(titles(await api(orgPath(`/teams/${teamB}/bookings`), { key: admin.apiKey }))).toEqual(["B1"]);
  });

  it("the path's team wins over a teamId in the query (not a filter of this route)", async () => {
    expect(titles(await api(orgPath(`/teams/${teamA}/bookings?teamId=${teamB}`), { key: admin.apiKey }))).toEqual(["A1"]);
  });

  it("a team member who is not its admin is refused; a team of another org is IsTeamInOrg's 404", async () => {
    const res = await api(orgPath(`/teams/${teamA}/bookings`), { key: member.apiKey });
    expect(expectError(res, 403).error.message).toBe(
      `RolesGuard - user with id=${member.userId} does not have the minimum required role=TEAM_ADMIN within organization with id=${org.organizationId} team with id=${teamA}.`,
    );
    expect(expectError(await api(orgPath(`/teams/${otherTeam}/bookings`), { key: admin.apiKey }), 404).error.message).toBe(
      `IsTeamInOrg - Team (${otherTeam}) not found.`,
    );
  });
});

describe("GET /v2/organizations/{orgId}/users/{userId}/bookings", () => {
  it("what the user sees: as organizer, attendee, and of the org teams they administer", async () => {
    const res = await api(orgPath(`/users/${member.userId}/bookings`), { key: admin.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems(USER_LIST, 200, res.body)).toEqual([]);
    expect(titles(res)).toEqual(["A1", "M1", "O1"]);
    expect(titles(await api(orgPath(`/users/${teamAdmin.userId}/bookings`), { key: admin.apiKey }))).toEqual(["A1", "B1"]);
    expect(titles(await api(orgPath(`/users/${member.userId}/bookings?status=unconfirmed`), { key: admin.apiKey }))).toEqual(["M1"]);
  });

  it("an unknown user is Cal.com's 404; a user outside the org is IsUserInOrg's 403", async () => {
    expect(expectError(await api(orgPath("/users/2147483000/bookings"), { key: admin.apiKey }), 404).error.message).toBe(
      "getOrganizationUserBookings - User 2147483000 not found",
    );
    expect(expectError(await api(orgPath(`/users/${outsider.userId}/bookings`), { key: admin.apiKey }), 403).error.message).toBe(
      `IsUserInOrg - user with id=${outsider.userId} is not part of the organization with id=${org.organizationId}.`,
    );
  });

  it("a plain member may not read another member's bookings", async () => {
    const res = await api(orgPath(`/users/${teamAdmin.userId}/bookings`), { key: member.apiKey });
    expect(expectError(res, 403).error.message).toContain("RolesGuard - user with id=");
  });
});

describe("GET /v2/organizations/{orgId}/teams/{teamId}/bookings/{bookingUid}/references", () => {
  it("the references of one of the team's bookings", async () => {
    const res = await api(orgPath(`/teams/${teamA}/bookings/${uid.A1}/references`), { key: teamAdmin.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems(REFERENCES, 200, res.body)).toEqual([]);
    expect(res.body.data).toEqual([{ id: expect.any(Number), type: "google_calendar", eventUid: "gcal-event-1", destinationCalendarId: "primary" }]);
    const filtered = await api(orgPath(`/teams/${teamA}/bookings/${uid.A1}/references?type=zoom_video`), { key: admin.apiKey });
    expect(filtered.body.data).toEqual([]);
  });

  it("a booking of another team, or of no team, answers as an unknown uid (Cal.com serves any booking)", async () => {
    for (const name of ["B1", "M1", "X1"]) {
      const res = await api(orgPath(`/teams/${teamA}/bookings/${uid[name]}/references`), { key: admin.apiKey });
      expect(expectError(res, 404).error.message).toBe(`Booking with uid ${uid[name]} not found`);
    }
  });

  it("an outsider is refused by the guards before any booking lookup (no uid probing)", async () => {
    for (const bookingUid of [uid.A1, "no-such-booking"]) {
      const res = await api(orgPath(`/teams/${teamA}/bookings/${bookingUid}/references`), { key: otherOrg.owner.apiKey });
      expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not part of the organization with id=${org.organizationId}.`);
    }
  });
});

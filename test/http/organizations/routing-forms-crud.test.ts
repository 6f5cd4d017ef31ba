// Routing forms of an org team: forms listed (org and team), responses taken, validated, stored and routed
// (event type with slots and routing, custom message, external URL, queued), listed and replaced; calculate-slots
// as a dry run; and the whole path a client takes: POST a response, pick a slot, POST /v2/bookings with `routing`.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { at, attendee, book, futureMonday } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import {
  createOrganization,
  createRoutingFormResponseRow,
  createRoutingFormRow,
  createSchedule,
  createTeamEventTypeRow,
  type OrganizationFixture,
  type OrgMember,
  sql,
  type TeamFixture,
} from "../../helpers/fixtures";

vi.setConfig({ testTimeout: 60_000 });

let org: OrganizationFixture;
let hosts: OrgMember[];
let team: TeamFixture;
let otherTeam: TeamFixture;
let salesEventType: { id: number; slug: string };
let formId: string;
let otherTeamFormId: string;
const monday = futureMonday(4);
const day = `start=${new Date(monday).toISOString().slice(0, 10)}&end=${new Date(monday).toISOString().slice(0, 10)}`;

const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);

const FIELDS = [
  { id: "f-name", type: "text", label: "Your name", identifier: "name", required: true },
  { id: "f-email", type: "email", label: "Email", identifier: "email", required: true },
  {
    id: "f-topic",
    type: "select",
    label: "Topic",
    options: [
      { id: "opt-sales", label: "Sales" },
      { id: "opt-support", label: "Support" },
      { id: "opt-other", label: "Other" },
    ],
  },
  { id: "f-size", type: "number", label: "Company size", identifier: "size" },
];

const rule = (field: string, operator: string, value: unknown[]) => ({
  id: "q",
  type: "group",
  children1: { r1: { type: "rule", properties: { field, operator, value, valueSrc: ["value"] } } },
  properties: { conjunction: "AND" },
});

const routesFor = (team: TeamFixture, eventSlug: string) => [
  {
    id: "route-sales",
    action: { type: "eventTypeRedirectUrl", value: `team/${team.slug}/${eventSlug}` },
    queryValue: rule("f-topic", "select_equals", ["opt-sales"]),
  },
  {
    id: "route-support",
    action: { type: "customPageMessage", value: "Write to support@example.com" },
    queryValue: rule("f-topic", "select_equals", ["opt-support"]),
  },
  { id: "route-big", action: { type: "externalRedirectUrl", value: "https://example.com/enterprise" }, queryValue: rule("f-size", "greater", [500]) },
  {
    id: "route-fallback",
    isFallback: true,
    action: { type: "customPageMessage", value: "Thanks, we will be in touch." },
    queryValue: { id: "e", type: "group" },
  },
];

const orgPath = (suffix = "") => `/v2/organizations/${org.organizationId}${suffix}`;
const teamPath = (suffix = "") => orgPath(`/teams/${team.teamId}${suffix}`);

beforeAll(async () => {
  org = await createOrganization();
  hosts = (await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER")])).sort((a, b) => a.userId - b.userId);
  await Promise.all(hosts.map((host) => createSchedule(host)));
  team = await org.addTeam(hosts.map((h) => ({ userId: h.userId })));
  otherTeam = await org.addTeam([]);
  salesEventType = await createTeamEventTypeRow(
    team.teamId,
    "ROUND_ROBIN",
    hosts.map((h) => ({ userId: h.userId })),
  );
  formId = (
    await createRoutingFormRow({
      userId: org.owner.userId,
      teamId: team.teamId,
      fields: FIELDS,
      routes: routesFor(team, salesEventType.slug),
      name: "Contact us",
    })
  ).id;
  otherTeamFormId = (await createRoutingFormRow({ userId: org.owner.userId, teamId: otherTeam.teamId, fields: FIELDS, routes: [] })).id;
  await api(orgPath("/routing-forms"), { key: org.owner.apiKey });
}, 120_000);

const respond = (body: Record<string, unknown>, query = day, key = org.owner.apiKey) =>
  api<LooseBody>(teamPath(`/routing-forms/${formId}/responses?${query}`), { method: "POST", key, body });

describe("forms", () => {
  it("org list: the forms of the org's teams, with name and disabled (Cal.com strips them), filtered by teamIds", async () => {
    const res = await api(orgPath("/routing-forms?sortCreatedAt=asc"), { key: org.owner.apiKey });
    expectContract("OrganizationsRoutingFormsController_getOrganizationRoutingForms", 200, res.body);
    const forms = dataOf<LooseBody[]>(res);
    expect(forms.map((f) => f.id)).toEqual([formId, otherTeamFormId]);
    expect(forms[0]).toMatchObject({ name: "Contact us", disabled: false, teamId: team.teamId, userId: org.owner.userId, fields: FIELDS });
    const filtered = dataOf<LooseBody[]>(await api(orgPath(`/routing-forms?teamIds=${otherTeam.teamId}`), { key: org.owner.apiKey }));
    expect(filtered.map((f) => f.id)).toEqual([otherTeamFormId]);
    expect(dataOf<LooseBody[]>(await api(orgPath("/routing-forms?take=1&skip=1&sortCreatedAt=asc"), { key: org.owner.apiKey })).map((f) => f.id)).toEqual([
      otherTeamFormId,
    ]);
  });

  it("team list: only that team's forms", async () => {
    const res = await api(teamPath("/routing-forms"), { key: org.owner.apiKey });
    expectContract("OrganizationsTeamsRoutingFormsController_getTeamRoutingForms", 200, res.body);
    expect(dataOf<LooseBody[]>(res).map((f) => f.id)).toEqual([formId]);
  });

  it("400 for a malformed filter, naming it", async () => {
    const res = expectError(await api(orgPath("/routing-forms?teamIds=a,b"), { key: org.owner.apiKey }), 400);
    expect(res.error.message).toContain("teamIds");
    expect(expectError(await api(teamPath("/routing-forms?afterCreatedAt=yesterday"), { key: org.owner.apiKey }), 400).error.message).toContain(
      "afterCreatedAt",
    );
  });
});

describe("POST responses", () => {
  it("routes to the event type: its id, its slots for the window and the routing (response id, all hosts)", async () => {
    const res = await respond({ name: "Jane", email: "jane@example.com", Topic: "sales" });
    expect(res.status, res.text).toBe(201);
    expectContract("OrganizationsTeamsRoutingFormsResponsesController_createRoutingFormResponse", 201, res.body);
    const data = res.body.data;
    expect(data.eventTypeId).toBe(salesEventType.id);
    expect(data.routing.teamMemberIds).toEqual(hosts.map((h) => h.userId));
    expect(typeof data.routing.responseId).toBe("number");
    const starts = Object.values(data.slots as Record<string, Array<{ start: string }>>).flat();
    expect(starts[0]?.start).toBe(at(monday, 0, 9));
    const [row] = await sql<{
      response: LooseBody;
      chosenRouteId: string;
    }>`SELECT "response", "chosenRouteId" FROM "App_RoutingForms_FormResponse" WHERE "id" = ${data.routing.responseId}`;
    expect(row?.chosenRouteId).toBe("route-sales");
    expect(row?.response).toEqual({
      "f-name": { label: "Your name", identifier: "name", value: "Jane" },
      "f-email": { label: "Email", identifier: "email", value: "jane@example.com" },
      "f-topic": { label: "Topic", value: "opt-sales" },
    });
  });

  it("range format and time zone reach the slots", async () => {
    const res = await respond({ name: "Jane", email: "jane@example.com", Topic: "opt-sales" }, `${day}&format=range&timeZone=Europe/Rome`);
    expect(res.status, res.text).toBe(201);
    const first = Object.values(res.body.data.slots as Record<string, Array<{ start: string; end: string }>>).flat()[0];
    expect(first).toMatchObject({ start: expect.stringMatching(/^\d{4}-\d\d-\d\dT10:00:00\.000\+01:00$|T11:00:00\.000\+02:00$/), end: expect.any(String) });
  });

  it("a custom page message, an external URL, the fallback", async () => {
    const support = await respond({ name: "Jo", email: "jo@example.com", Topic: "Support" });
    expect(dataOf(support, 201)).toEqual({ routingCustomMessage: "Write to support@example.com" });
    const big = await respond({ name: "Jo", email: "jo@example.com", size: "900" });
    expect(dataOf(big, 201)).toEqual({ routingExternalRedirectUrl: "https://example.com/enterprise" });
    const other = await respond({ name: "Jo", email: "jo@example.com", size: 5 });
    expect(dataOf(other, 201)).toEqual({ routingCustomMessage: "Thanks, we will be in touch." });
  });

  it("queueResponse stores a queued response and answers its id", async () => {
    const res = await respond({ name: "Q", email: "q@example.com", Topic: "sales" }, `${day}&queueResponse=true`);
    const data = dataOf<LooseBody>(res, 201);
    expect(data.routing.queuedResponseId).toEqual(expect.any(String));
    expect(data.routing.responseId).toBeUndefined();
    const rows = await sql`SELECT 1 FROM "App_RoutingForms_QueuedFormResponse" WHERE "id" = ${data.routing.queuedResponseId}`;
    expect(rows).toHaveLength(1);
  });

  it("400s in Cal.com's words: missing required fields, an invalid email, end before start; nothing stored", async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "App_RoutingForms_FormResponse" WHERE "formId" = ${formId}`;
    expect(expectError(await respond({ Topic: "sales" }), 400).error.message).toBe("Missing required fields Your name, Email");
    expect(expectError(await respond({ name: "A", email: "not-an-email" }), 400).error.message).toBe(
      "Invalid value for fields 'Email' with value 'not-an-email' should be valid email",
    );
    const reversed = `start=${new Date(monday + 86_400_000).toISOString()}&end=${new Date(monday).toISOString()}`;
    expect(expectError(await respond({ name: "A", email: "a@example.com" }, reversed), 400).error.message).toBe("End date cannot be before start date.");
    expect(expectError(await respond({ name: "A", email: "a@example.com" }, "start=2050-01-01"), 400).error.message).toContain("end");
    expect(expectError(await respond({ name: "A", email: "a@example.com" }, `${day}&format=list`), 400).error.message).toContain("format");
    // No body at all is no answers; a body that is not an object is a 400.
    const noBody = await api(teamPath(`/routing-forms/${formId}/responses?${day}`), { method: "POST", key: org.owner.apiKey });
    expect(expectError(noBody, 400).error.message).toBe("Missing required fields Your name, Email");
    expectError(await api(teamPath(`/routing-forms/${formId}/responses?${day}`), { method: "POST", key: org.owner.apiKey, body: ["Jane"] as never }), 400);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "App_RoutingForms_FormResponse" WHERE "formId" = ${formId}`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("a disabled form is a 404; an event type that no longer exists is a 404 (Cal.com: 500)", async () => {
    const disabled = await createRoutingFormRow({
      userId: org.owner.userId,
      teamId: team.teamId,
      fields: FIELDS,
      routes: routesFor(team, salesEventType.slug),
      disabled: true,
    });
    expect(
      expectError(
        await api(teamPath(`/routing-forms/${disabled.id}/responses?${day}`), {
          method: "POST",
          key: org.owner.apiKey,
          body: { name: "A", email: "a@example.com" },
        }),
        404,
      ).error.message,
    ).toBe("Routing form not found.");
    const gone = await createRoutingFormRow({ userId: org.owner.userId, teamId: team.teamId, fields: FIELDS, routes: routesFor(team, "no-such-event") });
    expect(
      expectError(
        await api(teamPath(`/routing-forms/${gone.id}/responses?${day}`), {
          method: "POST",
          key: org.owner.apiKey,
          body: { name: "A", email: "a@example.com", Topic: "sales" },
        }),
        404,
      ).error.message,
    ).toBe("Chosen event type not found.");
  });

  it("the org route takes responses too", async () => {
    const res = await api<LooseBody>(orgPath(`/routing-forms/${formId}/responses?${day}`), {
      method: "POST",
      key: org.owner.apiKey,
      body: { name: "O", email: "o@example.com", Topic: "support" },
    });
    expectContract("OrganizationsRoutingFormsResponsesController_createRoutingFormResponse", 201, res.body);
    expect(dataOf(res, 201)).toEqual({ routingCustomMessage: "Write to support@example.com" });
  });
});

describe("responses: list and update", () => {
  let listFormId: string;
  let ids: number[];

  beforeAll(async () => {
    listFormId = (await createRoutingFormRow({ userId: org.owner.userId, teamId: team.teamId, fields: FIELDS, routes: [] })).id;
    ids = [];
    for (const [i, when] of ["2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", "2030-03-01T00:00:00Z"].entries()) {
      ids.push((await createRoutingFormResponseRow(listFormId, { "f-name": { label: "Your name", value: `n${i}` } }, new Date(when))).id);
    }
  });

  it("org and team lists answer arrays, sorted and filtered by creation time", async () => {
    const res = await api(orgPath(`/routing-forms/${listFormId}/responses?sortCreatedAt=desc`), { key: org.owner.apiKey });
    expectContract("OrganizationsRoutingFormsResponsesController_getRoutingFormResponses", 200, res.body);
    expect(dataOf<LooseBody[]>(res).map((r) => r.id)).toEqual([...ids].reverse());
    const team = await api(teamPath(`/routing-forms/${listFormId}/responses?afterCreatedAt=2030-01-15T00:00:00Z&take=1`), { key: org.owner.apiKey });
    expectContract("OrganizationsTeamsRoutingFormsResponsesController_getRoutingFormResponses", 200, team.body);
    const [first] = dataOf<LooseBody[]>(team);
    expect(first).toMatchObject({ id: ids[1], formId: listFormId, routedToBookingUid: null, response: { "f-name": { label: "Your name", value: "n1" } } });
  });

  it("PATCH replaces the stored response (org and team routes); another form's response is a 404", async () => {
    const res = await api(orgPath(`/routing-forms/${listFormId}/responses/${ids[0]}`), {
      method: "PATCH",
      key: org.owner.apiKey,
      body: { response: { "f-name": { label: "Your name", value: "changed" } } },
    });
    expectContract("OrganizationsRoutingFormsResponsesController_updateRoutingFormResponse", 200, res.body);
    expect(dataOf<LooseBody>(res).response).toEqual({ "f-name": { label: "Your name", value: "changed" } });
    const viaTeam = await api(teamPath(`/routing-forms/${listFormId}/responses/${ids[1]}`), {
      method: "PATCH",
      key: org.owner.apiKey,
      body: { response: { x: 1 } },
    });
    expectContract("OrganizationsTeamsRoutingFormsResponsesController_updateRoutingFormResponse", 200, viaTeam.body);
    expect(dataOf<LooseBody>(viaTeam).response).toEqual({ x: 1 });
    expectError(await api(teamPath(`/routing-forms/${formId}/responses/${ids[2]}`), { method: "PATCH", key: org.owner.apiKey, body: { response: {} } }), 404);
    expect(
      expectError(
        await api(teamPath(`/routing-forms/${listFormId}/responses/${ids[2]}`), { method: "PATCH", key: org.owner.apiKey, body: { response: "text" } }),
        400,
      ).error.message,
    ).toContain("response");
  });
});

describe("calculate-slots", () => {
  const calculate = (id: string, body: Record<string, unknown>, key = hosts[0]!.apiKey) =>
    api<LooseBody>(`/v2/routing-forms/${id}/calculate-slots?${day}`, { method: "POST", key, body });

  it("a dry run: the routed event type and its slots, nothing stored", async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "App_RoutingForms_FormResponse" WHERE "formId" = ${formId}`;
    const res = await calculate(formId, { name: "D", email: "d@example.com", Topic: "sales" });
    expect(res.status, res.text).toBe(200);
    expectContract("RoutingFormsController_calculateSlotsBasedOnRoutingFormResponse", 200, res.body);
    expect(res.body.data.eventTypeId).toBe(salesEventType.id);
    expect(Object.values(res.body.data.slots).flat().length).toBeGreaterThan(0);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "App_RoutingForms_FormResponse" WHERE "formId" = ${formId}`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("404s: a route that is not an event type, a personal form, an unknown form", async () => {
    expect(expectError(await calculate(formId, { name: "D", email: "d@example.com", Topic: "support" }), 404).error.message).toBe(
      "Routed to a non cal.com event type URL.",
    );
    const personal = await createRoutingFormRow({
      userId: hosts[0]!.userId,
      fields: [],
      routes: [{ id: "r", action: { type: "eventTypeRedirectUrl", value: "me/intro" }, queryValue: null }],
    });
    expect(expectError(await calculate(personal.id, {}), 404).error.message).toBe("Team ID not found in the routed URL.");
    expect(expectError(await calculate("nope", {}), 404).error.message).toBe("Routing form not found.");
  });
});

describe("end to end", () => {
  it("POST a response, take its first slot, book it with the routing: one of the routed hosts holds the booking", async () => {
    const routed = dataOf<LooseBody>(await respond({ name: "Eve", email: "eve@example.com", Topic: "sales" }), 201);
    const start = Object.values(routed.slots as Record<string, Array<{ start: string }>>).flat()[1]!.start;
    const booking = await book({ start, eventTypeId: routed.eventTypeId, attendee: attendee("Eve"), routing: routed.routing });
    expect(booking.status, booking.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, booking.body)).toEqual([]);
    expect(routed.routing.teamMemberIds).toContain(booking.body.data.hosts[0].id);
    // The response records the booking, and the list filters by it.
    const listed = await api(teamPath(`/routing-forms/${formId}/responses?routedToBookingUid=${booking.body.data.uid}`), { key: org.owner.apiKey });
    expect(dataOf<LooseBody[]>(listed).map((r) => [r.id, r.routedToBookingUid])).toEqual([[routed.routing.responseId, booking.body.data.uid]]);
    expectContract("OrganizationsTeamsRoutingFormsResponsesController_getRoutingFormResponses", 200, listed.body);
  });
});

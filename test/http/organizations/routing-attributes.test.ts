// Attribute routing end to end: org attributes made and assigned through the API, a team form whose event-type
// route chooses hosts by `attributesQueryValue` (comparing attributes with the form's answers through
// `{field:…}` templates) with a `fallbackAttributesQueryValue`; the response names the matching hosts, offers only
// their slots, and a booking with that `routing` goes to one of them (a slot only other hosts have is refused).
// calculate-slots is not narrowed (Cal.com).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { at, attendee, book, futureMonday } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import {
  createOrganization,
  createRoutingFormRow,
  createSchedule,
  createTeamEventTypeRow,
  type OrganizationFixture,
  type OrgMember,
  type TeamFixture,
} from "../../helpers/fixtures";

vi.setConfig({ testTimeout: 60_000 });

type Option = { id: string; value: string };

let org: OrganizationFixture;
// Ann works 09–11 UTC, Ben 10–12, Cat 13–14; all three are round-robin hosts.
let ann: OrgMember;
let ben: OrgMember;
let cat: OrgMember;
let team: TeamFixture;
let eventType: { id: number; slug: string };
let formId: string;
let plainFormId: string;
const options: Record<string, Option> = {};
const monday = futureMonday(5);
const date = new Date(monday).toISOString().slice(0, 10);
const day = `start=${date}&end=${date}`;
const hours = (from: string, to: string) => [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: from, endTime: to }];

const FIELDS = [
  { id: "f-email", type: "email", label: "Email", identifier: "email", required: true },
  {
    id: "f-region",
    type: "select",
    label: "Region",
    identifier: "region",
    options: [
      { id: "fr-emea", label: "EMEA" },
      { id: "fr-apac", label: "APAC" },
      { id: "fr-amer", label: "AMER" },
    ],
  },
  {
    id: "f-language",
    type: "select",
    label: "Language",
    identifier: "language",
    options: ["German", "French", "Spanish"].map((l) => ({ id: `fl-${l}`, label: l })),
  },
];

const group = (rules: Record<string, { field: string; operator: string; value: unknown[] }>) => ({
  id: "g",
  type: "group",
  properties: { conjunction: "AND" },
  children1: Object.fromEntries(Object.entries(rules).map(([id, properties]) => [id, { type: "rule", properties: { ...properties, valueSrc: ["value"] } }])),
});

const orgPath = (suffix = "") => `/v2/organizations/${org.organizationId}${suffix}`;
const starts = (routed: LooseBody) =>
  Object.values(routed.slots as Record<string, Array<{ start: string }>>)
    .flat()
    .map((slot) => slot.start);

beforeAll(async () => {
  org = await createOrganization();
  [ann, ben, cat] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("MEMBER")]);
  await Promise.all([
    createSchedule(ann, { availability: hours("09:00", "11:00") }),
    createSchedule(ben, { availability: hours("10:00", "12:00") }),
    createSchedule(cat, { availability: hours("13:00", "14:00") }),
  ]);
  team = await org.addTeam([ann, ben, cat].map((m) => ({ userId: m.userId })));
  eventType = await createTeamEventTypeRow(
    team.teamId,
    "ROUND_ROBIN",
    [ann, ben, cat].map((m) => ({ userId: m.userId })),
  );

  // Attributes through the API: Region (single select) and Languages (multi select).
  const attributes = orgPath("/attributes");
  const make = async (name: string, type: string, values: string[]) => {
    const id = dataOf<{ id: string }>(
      await api(attributes, {
        key: org.owner.apiKey,
        body: { name, slug: name.toLowerCase(), type, options: values.map((value) => ({ value, slug: value.toLowerCase() })) },
      }),
      201,
    ).id;
    for (const option of dataOf<Option[]>(await api(`${attributes}/${id}/options`, { key: org.owner.apiKey }))) options[option.value] = option;
    return id;
  };
  const region = await make("Region", "SINGLE_SELECT", ["Emea", "Apac", "Amer"]);
  const languages = await make("Languages", "MULTI_SELECT", ["german", "french", "spanish"]);
  const assign = async (member: OrgMember, attributeId: string, value: string) =>
    dataOf(await api(`${attributes}/options/${member.userId}`, { key: org.owner.apiKey, body: { attributeId, attributeOptionId: options[value]!.id } }), 201);
  await assign(ann, region, "Emea");
  await assign(ann, languages, "german");
  await assign(ben, region, "Emea");
  await assign(ben, languages, "german");
  await assign(ben, languages, "french");
  await assign(cat, region, "Apac");
  await assign(cat, languages, "french");

  const action = { type: "eventTypeRedirectUrl", value: `team/${team.slug}/${eventType.slug}` };
  formId = (
    await createRoutingFormRow({
      userId: org.owner.userId,
      teamId: team.teamId,
      fields: FIELDS,
      routes: [
        {
          id: "route-experts",
          action,
          queryValue: { id: "q", type: "group" },
          // The member's region is the answered one and they speak the answered language.
          attributesQueryValue: group({
            r1: { field: region, operator: "select_equals", value: ["{field:f-region}"] },
            r2: { field: languages, operator: "multiselect_some_in", value: [["{field:f-language}"]] },
          }),
          // Nobody fits: the APAC desk.
          fallbackAttributesQueryValue: group({ r1: { field: region, operator: "select_any_in", value: [[options.Apac!.id]] } }),
        },
      ],
    })
  ).id;
  plainFormId = (
    await createRoutingFormRow({ userId: org.owner.userId, teamId: team.teamId, fields: FIELDS, routes: [{ id: "route-all", action, queryValue: null }] })
  ).id;
}, 120_000);

const respond = (body: Record<string, unknown>, form = formId) =>
  api<LooseBody>(orgPath(`/teams/${team.teamId}/routing-forms/${form}/responses?${day}`), { method: "POST", key: org.owner.apiKey, body });

describe("POST responses with attribute routing", () => {
  it("routes to the hosts whose attributes match the answers, and offers only their slots", async () => {
    const res = await respond({ email: "a@example.com", region: "EMEA", language: "French" });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("OrganizationsTeamsRoutingFormsResponsesController_createRoutingFormResponse", 201, res.body)).toEqual([]);
    const data = dataOf<LooseBody>(res, 201);
    expect(data.eventTypeId).toBe(eventType.id);
    expect(data.routing.teamMemberIds).toEqual([ben.userId]);
    expect(starts(data)).toEqual([at(monday, 0, 10), at(monday, 0, 10, 30), at(monday, 0, 11), at(monday, 0, 11, 30)]);
  });

  it("several members can match; answers by option id match as labels do", async () => {
    const data = dataOf<LooseBody>(await respond({ email: "a@example.com", region: "fr-emea", language: "fl-German" }), 201);
    expect(data.routing.teamMemberIds).toEqual([ann.userId, ben.userId].sort((a, b) => a - b));
    expect(starts(data)).toEqual([9, 9.5, 10, 10.5, 11, 11.5].map((h) => at(monday, 0, Math.floor(h), (h % 1) * 60)));
  });

  it("no member matches: the fallback attribute logic decides", async () => {
    const data = dataOf<LooseBody>(await respond({ email: "a@example.com", region: "AMER", language: "Spanish" }), 201);
    expect(data.routing.teamMemberIds).toEqual([cat.userId]);
    expect(starts(data)).toEqual([at(monday, 0, 13), at(monday, 0, 13, 30)]);
  });

  it("the org route narrows the same way; a route without attribute logic offers every host", async () => {
    const viaOrg = await api<LooseBody>(orgPath(`/routing-forms/${formId}/responses?${day}`), {
      method: "POST",
      key: org.owner.apiKey,
      body: { email: "a@example.com", region: "APAC", language: "French" },
    });
    expect(dataOf<LooseBody>(viaOrg, 201).routing.teamMemberIds).toEqual([cat.userId]);
    const plain = dataOf<LooseBody>(await respond({ email: "a@example.com", region: "EMEA" }, plainFormId), 201);
    expect(plain.routing.teamMemberIds).toEqual([ann.userId, ben.userId, cat.userId].sort((a, b) => a - b));
    expect(starts(plain)).toContain(at(monday, 0, 13));
  });

  it("calculate-slots is not narrowed (Cal.com)", async () => {
    const res = await api<LooseBody>(`/v2/routing-forms/${formId}/calculate-slots?${day}`, {
      method: "POST",
      key: org.owner.apiKey,
      body: { email: "a@example.com", region: "EMEA", language: "French" },
    });
    const data = dataOf<LooseBody>(res, 200);
    expect(starts(data)).toEqual(expect.arrayContaining([at(monday, 0, 9), at(monday, 0, 13)]));
  });
});

describe("booking with the routing", () => {
  it("round robin picks among the routed hosts only; a slot only other hosts have is refused", async () => {
    const routed = dataOf<LooseBody>(await respond({ email: "eve@example.com", region: "EMEA", language: "German" }), 201);
    expect(routed.routing.teamMemberIds).toEqual([ann.userId, ben.userId].sort((a, b) => a - b));
    const onlyAnn = { ...routed.routing, teamMemberIds: [ann.userId] };
    // 10:00: Ann and Ben are both free; routed to Ann, Ann takes it.
    const first = await book({ start: at(monday, 0, 10), eventTypeId: eventType.id, attendee: attendee("Eve"), routing: onlyAnn });
    expect(first.status, first.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, first.body)).toEqual([]);
    expect(first.body.data.hosts[0].id).toBe(ann.userId);
    // 11:30: only Ben works then; a booking routed to Ann is refused, one without routing goes to Ben.
    const refused = await book({ start: at(monday, 0, 11, 30), eventTypeId: eventType.id, attendee: attendee("Fay"), routing: onlyAnn });
    expectError(refused, 409);
    const open = await book({ start: at(monday, 0, 11, 30), eventTypeId: eventType.id, attendee: attendee("Fay") });
    expect(open.status, open.text).toBe(201);
    expect(open.body.data.hosts[0].id).toBe(ben.userId);
  });

  it("routed to members who are not hosts: every host is offered (Cal.com's qualified-hosts fallback)", async () => {
    const res = await book({ start: at(monday, 0, 13), eventTypeId: eventType.id, attendee: attendee("Gus"), routing: { teamMemberIds: [org.owner.userId] } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.hosts[0].id).toBe(cat.userId);
  });
});

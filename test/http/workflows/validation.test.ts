// Orgs / Teams / Workflows: bodies that do not validate are 400s in Cal.com's envelope, and nothing is stored.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createOrganization, createRoutingFormRow, insertEventTypeRow, type OrganizationFixture, withDb } from "../../helpers/fixtures";

let org: OrganizationFixture;
let teamId: number;
let base: string;
let eventTypeId: number;
let foreignEventTypeId: number;
let foreignFormId: string;
let foreignEmailId: number;
let foreignPhoneId: number;
let workflowId: number;
let otherWorkflowStepId: number;

const call = (path: string, init: { method?: string; body?: unknown } = {}) => api(`${base}${path}`, { key: org.owner.apiKey, ...init } as never);

const step = {
  action: "email_host",
  stepNumber: 1,
  recipient: "const",
  template: "reminder",
  sender: "Acme",
  includeCalendarEvent: false,
  message: { subject: "Hi", html: "<p>Hi</p>" },
};
const valid = () => ({
  name: "Valid",
  activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [eventTypeId] },
  trigger: { type: "beforeEvent", offset: { value: 1, unit: "hour" } },
  steps: [step],
});

beforeAll(async () => {
  org = await createOrganization({ isPlatform: true });
  ({ teamId } = await org.addTeam());
  const otherTeam = await org.addTeam();
  base = `/v2/organizations/${org.organizationId}/teams/${teamId}/workflows`;
  eventTypeId = (await insertEventTypeRow({ teamId })).id;
  foreignEventTypeId = (await insertEventTypeRow({ teamId: otherTeam.teamId })).id;
  foreignFormId = (await createRoutingFormRow({ userId: org.owner.userId, teamId: otherTeam.teamId, fields: [], routes: [] })).id;
  ({ foreignEmailId, foreignPhoneId } = await withDb(async (db) => ({
    foreignEmailId: (await db.verifiedEmail.create({ data: { teamId: otherTeam.teamId, email: "other@example.com" } })).id,
    foreignPhoneId: (await db.verifiedNumber.create({ data: { teamId: otherTeam.teamId, phoneNumber: "+15550009999" } })).id,
  })));
  workflowId = dataOf<{ id: number }>(await call("", { body: valid() }), 201).id;
  const other = dataOf<{ steps: { id: number }[] }>(await call("", { body: { ...valid(), name: "Other" } }), 201);
  otherWorkflowStepId = other.steps[0]!.id;
}, 180_000);

const count = () => withDb((db) => db.workflow.count({ where: { teamId } }));

describe("POST …/workflows refuses, storing nothing", () => {
  const cases: [string, () => unknown, RegExp?][] = [
    ["no name", () => ({ ...valid(), name: undefined })],
    ["no activation", () => ({ ...valid(), activation: undefined })],
    ["an unknown trigger", () => ({ ...valid(), trigger: { type: "whenever" } }), /trigger/],
    ["beforeEvent without an offset", () => ({ ...valid(), trigger: { type: "beforeEvent" } })],
    ["an offset unit that is not hour/minute/day", () => ({ ...valid(), trigger: { type: "afterEvent", offset: { value: 1, unit: "week" } } })],
    ["a form trigger", () => ({ ...valid(), trigger: { type: "formSubmitted" } })],
    ["no steps", () => ({ ...valid(), steps: [] }), /at least one allowed step/],
    ["an unknown step action", () => ({ ...valid(), steps: [{ ...step, action: "fax_host" }] })],
    ["a cal_ai_phone_call step", () => ({ ...valid(), steps: [{ ...step, action: "cal_ai_phone_call" }] })],
    ["email_address without verifiedEmailId", () => ({ ...valid(), steps: [{ ...step, action: "email_address", recipient: "email" }] })],
    ["an email step with a text message", () => ({ ...valid(), steps: [{ ...step, message: { subject: "Hi", text: "Hi" } }] })],
    ["an unknown template", () => ({ ...valid(), steps: [{ ...step, template: "poem" }] })],
    ["activeOnEventTypeIds of strings", () => ({ ...valid(), activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: ["1"] } })],
    [
      "another team's event type",
      () => ({ ...valid(), activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [foreignEventTypeId] } }),
      /not event types of team/,
    ],
    [
      "another team's verified email",
      () => ({ ...valid(), steps: [{ ...step, action: "email_address", recipient: "email", verifiedEmailId: foreignEmailId }] }),
      /^Invalid Verified Email Id\.$/,
    ],
    [
      "another team's verified phone",
      () => ({
        ...valid(),
        steps: [
          {
            action: "sms_number",
            stepNumber: 1,
            recipient: "phone_number",
            template: "reminder",
            sender: "Acme",
            verifiedPhoneId: foreignPhoneId,
            message: { subject: "s", text: "t" },
          },
        ],
      }),
      /^Invalid Verified Phone Id\.$/,
    ],
    ["a template this deployment cannot store", () => ({ ...valid(), steps: [{ ...step, template: "rescheduled" }] }), /cannot be stored/],
  ];
  it.each(cases)("%s → 400", async (_, body, message) => {
    const before = await count();
    const res = await call("", { body: body() });
    const error = expectError(res, 400);
    if (message) expect(error.error.message).toMatch(message);
    expect(await count()).toBe(before);
  });
});

describe("POST …/workflows/routing-form refuses", () => {
  const form = () => ({
    name: "Form",
    activation: { isActiveOnAllRoutingForms: true },
    trigger: { type: "formSubmitted" },
    steps: [{ ...step, action: "email_attendee", recipient: "attendee" }],
  });
  it.each([
    ["an event-type trigger", () => ({ ...form(), trigger: { type: "newEvent" } })],
    ["formSubmittedNoEvent without an offset", () => ({ ...form(), trigger: { type: "formSubmittedNoEvent" } })],
    ["an email_host step (not allowed for forms)", () => ({ ...form(), steps: [step] })],
    [
      "a whatsapp step",
      () => ({
        ...form(),
        steps: [{ action: "whatsapp_attendee", stepNumber: 1, recipient: "attendee", template: "reminder", sender: "x", message: { subject: "s", text: "t" } }],
      }),
    ],
    ["another team's form", () => ({ ...form(), activation: { isActiveOnAllRoutingForms: false, activeOnRoutingFormIds: [foreignFormId] } })],
  ] as const)("%s → 400", async (_, body) => {
    expectError(await call("/routing-form", { body: body() }), 400);
  });
});

describe("PATCH …/workflows/{workflowId} refuses", () => {
  it("a step id of another workflow → 400, the workflow unchanged", async () => {
    const before = dataOf(await call(`/${workflowId}`));
    const res = await call(`/${workflowId}`, { method: "PATCH", body: { name: "Changed", steps: [{ ...step, id: otherWorkflowStepId }] } });
    expect(expectError(res, 400).error.message).toMatch(/is not a step of workflow/);
    expect(dataOf(await call(`/${workflowId}`))).toEqual(before);
  });

  it("another team's event type → 400", async () => {
    const res = await call(`/${workflowId}`, {
      method: "PATCH",
      body: { activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [foreignEventTypeId] } },
    });
    expectError(res, 400);
  });

  it("a trigger without its offset → 400; a non-numeric workflow id → 400", async () => {
    expectError(await call(`/${workflowId}`, { method: "PATCH", body: { trigger: { type: "afterEvent" } } }), 400);
    expectError(await call("/abc", { method: "PATCH", body: { name: "x" } }), 400);
  });

  it("an empty body changes nothing", async () => {
    const before = dataOf(await call(`/${workflowId}`));
    expect(dataOf(await call(`/${workflowId}`, { method: "PATCH", body: {} }))).toEqual(before);
  });
});

// Orgs / Teams / Workflows: create → get → list → patch → delete round trips of both families, every answer
// checked against the contract, and the reminders of an existing booking following the workflow.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, createRoutingFormRow, insertBookingRow, insertEventTypeRow, type OrganizationFixture, withDb } from "../../helpers/fixtures";
import { remindersOfStep } from "../../helpers/workflow-reminders";

let org: OrganizationFixture;
let teamId: number;
let base: string;
let eventTypeId: number;
let otherEventTypeId: number;
let verifiedEmailId: number;
let verifiedPhoneId: number;
let formId: string;

const HOUR = 3_600_000;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const call = (path: string, init: { method?: string; body?: unknown } = {}) => api(`${base}${path}`, { key: org.owner.apiKey, ...init } as never);

beforeAll(async () => {
  org = await createOrganization({ isPlatform: true });
  ({ teamId } = await org.addTeam([{ userId: org.owner.userId, role: "OWNER" }]));
  base = `/v2/organizations/${org.organizationId}/teams/${teamId}/workflows`;
  eventTypeId = (await insertEventTypeRow({ teamId })).id;
  otherEventTypeId = (await insertEventTypeRow({ teamId })).id;
  ({ verifiedEmailId, verifiedPhoneId } = await withDb(async (db) => ({
    verifiedEmailId: (await db.verifiedEmail.create({ data: { teamId, email: "ops@example.com" } })).id,
    verifiedPhoneId: (await db.verifiedNumber.create({ data: { teamId, phoneNumber: "+15550001234" } })).id,
  })));
  formId = (await createRoutingFormRow({ userId: org.owner.userId, teamId, fields: [], routes: [] })).id;
}, 180_000);

const emailAttendee = {
  action: "email_attendee",
  stepNumber: 1,
  recipient: "attendee",
  template: "reminder",
  sender: "Acme",
  includeCalendarEvent: true,
  message: { subject: "Soon: {EVENT_NAME}", html: "<p>See you {ATTENDEE}</p>" },
};
const smsNumber = {
  action: "sms_number",
  stepNumber: 2,
  recipient: "phone_number",
  template: "custom",
  sender: "Acme",
  verifiedPhoneId: 0,
  message: { subject: "SMS", text: "Meeting {EVENT_NAME} soon" },
};

describe("event-type workflows", () => {
  it("create → get → list → patch → delete, with steps; an existing booking's reminders follow", async () => {
    const start = new Date(Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR);
    const booking = await insertBookingRow({ userId: org.owner.userId, eventTypeId, start });

    const created = await call("", {
      body: {
        name: "Reminders",
        activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [eventTypeId] },
        trigger: { type: "beforeEvent", offset: { value: 24, unit: "hour" } },
        steps: [emailAttendee, { ...smsNumber, verifiedPhoneId }],
      },
    });
    const workflow = dataOf<{ id: number; steps: { id: number }[] }>(created, 201);
    expectContract("OrganizationTeamWorkflowsController_createEventTypeWorkflow", 201, created.body);
    expect(workflow).toMatchObject({
      name: "Reminders",
      type: "event-type",
      activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [eventTypeId] },
      trigger: { type: "beforeEvent", offset: { value: 24, unit: "hour" } },
      steps: [
        {
          stepNumber: 1,
          action: "email_attendee",
          recipient: "attendee",
          template: "reminder",
          sender: "Acme",
          includeCalendarEvent: true,
          email: "",
          phone: "",
          message: { subject: "Soon: {EVENT_NAME}", html: "<p>See you {ATTENDEE}</p>" },
        },
        {
          stepNumber: 2,
          action: "sms_number",
          recipient: "phone_number",
          phone: "+15550001234",
          message: { subject: "SMS", text: "Meeting {EVENT_NAME} soon" },
        },
      ],
    });
    const [emailStepId, smsStepId] = workflow.steps.map((s) => s.id) as [number, number];

    // The booking made before the workflow gets one pending reminder per step, 24 h before its start.
    const first = (await remindersOfStep(emailStepId)).filter((r) => r.bookingUid === booking.uid);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: "PENDING" });
    expect(first[0]!.scheduledDate.getTime()).toBe(start.getTime() - 24 * HOUR);
    expect((await remindersOfStep(smsStepId)).filter((r) => r.bookingUid === booking.uid)).toHaveLength(1);

    const got = await call(`/${workflow.id}`);
    expectContract("OrganizationTeamWorkflowsController_getWorkflowById", 200, got.body);
    expect(dataOf(got)).toEqual(workflow);

    const listed = await call("");
    expectContract("OrganizationTeamWorkflowsController_getWorkflows", 200, listed.body);
    expect(dataOf<{ id: number }[]>(listed).map((w) => w.id)).toContain(workflow.id);
    // A routing-form list never shows an event-type workflow, nor does the form route serve it.
    expect(dataOf<{ id: number }[]>(await call("/routing-form")).map((w) => w.id)).not.toContain(workflow.id);
    expect((await call(`/${workflow.id}/routing-form`)).status).toBe(404);

    // PATCH: 2 hours before instead of 24; the email step kept (by id) and changed, the SMS step removed.
    const patched = await call(`/${workflow.id}`, {
      method: "PATCH",
      body: {
        trigger: { type: "beforeEvent", offset: { value: 2, unit: "hour" } },
        steps: [{ ...emailAttendee, id: emailStepId, template: "completed", message: { subject: "Changed", html: "<p>Changed</p>" } }],
      },
    });
    const after = dataOf<{ name: string; steps: { id: number }[] }>(patched);
    expectContract("OrganizationTeamWorkflowsController_updateWorkflow", 200, patched.body);
    expect(after).toMatchObject({
      name: "Reminders",
      trigger: { type: "beforeEvent", offset: { value: 2, unit: "hour" } },
      steps: [{ id: emailStepId, template: "completed", message: { subject: "Changed", html: "<p>Changed</p>" } }],
    });
    expect(after.steps).toHaveLength(1);
    const moved = (await remindersOfStep(emailStepId)).filter((r) => r.bookingUid === booking.uid);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ id: first[0]!.id, status: "PENDING" });
    expect(moved[0]!.scheduledDate.getTime()).toBe(start.getTime() - 2 * HOUR);
    // The removed step's reminder is cancelled, not dropped silently.
    const [smsReminder] = await withDb((db) =>
      db.workflowReminder.findMany({ where: { bookingUid: booking.uid, method: "SMS" }, select: { status: true, statusReason: true } }),
    );
    expect(smsReminder).toEqual({ status: "CANCELLED", statusReason: "The workflow step was removed" });

    // Moving the workflow to another event type cancels this booking's reminder.
    const moveAway = await call(`/${workflow.id}`, {
      method: "PATCH",
      body: { activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [otherEventTypeId] } },
    });
    expect(dataOf<{ activation: unknown }>(moveAway).activation).toEqual({ isActiveOnAllEventTypes: false, activeOnEventTypeIds: [otherEventTypeId] });
    expect((await remindersOfStep(emailStepId)).find((r) => r.id === first[0]!.id)).toMatchObject({ status: "CANCELLED" });

    const deleted = await call(`/${workflow.id}`, { method: "DELETE" });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body).toEqual({ status: "success" });
    expect((await call(`/${workflow.id}`)).status).toBe(404);
    // Its reminders are kept, detached and cancelled: nothing pending is left to fire.
    const left = await withDb((db) =>
      db.workflowReminder.findMany({ where: { bookingUid: booking.uid }, select: { status: true, workflowStepId: true, statusReason: true } }),
    );
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.status !== "PENDING" && r.workflowStepId === null)).toBe(true);
  });

  it("DELETE cancels a pending reminder with the reason", async () => {
    const start = new Date(Math.ceil((Date.now() + 72 * HOUR) / HOUR) * HOUR);
    const booking = await insertBookingRow({ userId: org.owner.userId, eventTypeId: otherEventTypeId, start });
    const created = await call("", {
      body: {
        name: "After",
        activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [otherEventTypeId] },
        trigger: { type: "afterEvent", offset: { value: 30, unit: "minute" } },
        steps: [{ ...emailAttendee, action: "email_address", recipient: "email", verifiedEmailId }],
      },
    });
    const workflow = dataOf<{ id: number; steps: { id: number; email: string }[] }>(created, 201);
    expect(workflow.steps[0]!.email).toBe("ops@example.com");
    const [pending] = await remindersOfStep(workflow.steps[0]!.id);
    expect(pending).toMatchObject({ bookingUid: booking.uid, status: "PENDING" });
    expect(pending!.scheduledDate.getTime()).toBe(start.getTime() + 30 * 60_000 + 30 * 60_000);

    expect((await call(`/${workflow.id}`, { method: "DELETE" })).status).toBe(200);
    const row = await withDb((db) =>
      db.workflowReminder.findUnique({ where: { id: pending!.id }, select: { status: true, statusReason: true, workflowStepId: true } }),
    );
    expect(row).toEqual({ status: "CANCELLED", statusReason: "The workflow was deleted", workflowStepId: null });
  });
});

describe("routing-form workflows", () => {
  it("create → get → list → patch → delete", async () => {
    const created = await call("/routing-form", {
      body: {
        name: "Form follow-up",
        activation: { isActiveOnAllRoutingForms: false, activeOnRoutingFormIds: [formId] },
        trigger: { type: "formSubmittedNoEvent", offset: { value: 1, unit: "day" } },
        steps: [{ ...emailAttendee, includeCalendarEvent: false }],
      },
    });
    const workflow = dataOf<{ id: number; steps: { id: number }[] }>(created, 201);
    expectContract("OrganizationTeamWorkflowsController_createFormWorkflow", 201, created.body);
    expect(workflow).toMatchObject({
      type: "routing-form",
      activation: { isActiveOnAllRoutingForms: false, activeOnRoutingFormIds: [formId] },
      trigger: { type: "formSubmittedNoEvent", offset: { value: 1, unit: "day" } },
      steps: [{ action: "email_attendee", includeCalendarEvent: false }],
    });

    const got = await call(`/${workflow.id}/routing-form`);
    expectContract("OrganizationTeamWorkflowsController_getRoutingFormWorkflowById", 200, got.body);
    expect(dataOf(got)).toEqual(workflow);
    const listed = await call("/routing-form");
    expectContract("OrganizationTeamWorkflowsController_getRoutingFormWorkflows", 200, listed.body);
    expect(dataOf<{ id: number }[]>(listed).map((w) => w.id)).toContain(workflow.id);
    expect((await call(`/${workflow.id}`)).status).toBe(404);

    const patched = await call(`/${workflow.id}/routing-form`, {
      method: "PATCH",
      body: { name: "Renamed", trigger: { type: "formSubmitted" }, steps: [{ ...smsNumber, stepNumber: 1, verifiedPhoneId }] },
    });
    expectContract("OrganizationTeamWorkflowsController_updateRoutingFormWorkflow", 200, patched.body);
    const after = dataOf<{ steps: { id: number }[] }>(patched);
    expect(after).toMatchObject({ name: "Renamed", trigger: { type: "formSubmitted" }, steps: [{ action: "sms_number", phone: "+15550001234" }] });
    expect(after.steps[0]!.id).not.toBe(workflow.steps[0]!.id);

    expect((await call(`/${workflow.id}`, { method: "DELETE" })).status).toBe(404);
    const deleted = await call(`/${workflow.id}/routing-form`, { method: "DELETE" });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body).toEqual({ status: "success" });
    expect((await call(`/${workflow.id}/routing-form`)).status).toBe(404);
  });
});

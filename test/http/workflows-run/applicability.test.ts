// Which workflows a booking gets reminders from (Cal.com's getAllWorkflowsFromEventType, one SQL statement in
// findWorkflowsForEventType): those active on its event type or on the managed parent, the owner's isActiveOnAll
// ones (the user's for a personal event type, the team's for a team one, the parent's team's for a managed child),
// and only EVENT_TYPE workflows. Read back as the WorkflowReminder rows each booking made through POST /v2/bookings.
// Every workflow here is timed and far ahead, so nothing is sent.
import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, type Host } from "../../helpers/bookings";
import { createManagedChildRow, createTeam, createTeamEventTypeRow, insertWorkflowRow, sql } from "../../helpers/fixtures";
import { createEventTypeForAllHosts, createTeamWithHosts, type TeamWithHosts } from "../../helpers/team-bookings";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const monday = futureMonday(5);

let host: Host;
let personalTypeId: number;
let team: TeamWithHosts;
let teamTypeId: number;
let parent: { id: number; slug: string };
let childTypeId: number;

/** The workflows each test expects, by name: their id and step ids (in stepNumber order). */
const workflows: Record<string, { id: number; stepIds: number[] }> = {};

beforeAll(async () => {
  [host, team] = await Promise.all([createHost(), createTeamWithHosts(2)]);
  const [other, otherTeam] = await Promise.all([createHost(), createTeam()]);
  personalTypeId = (await createBookableEventType(host)).id;
  teamTypeId = (await createEventTypeForAllHosts(team, "COLLECTIVE")).id;
  parent = await createTeamEventTypeRow(team.team.teamId, "MANAGED", []);
  childTypeId = (await createManagedChildRow(parent, team.hosts[1]!.userId)).id;

  const step = { action: "EMAIL_HOST" as const, emailSubject: "Soon", reminderBody: "<p>Soon</p>" };
  const inserted = await Promise.all([
    // The host's own, on all their event types, "1 hour before"; its steps created in reverse (stepNumber 2 has
    // the lower id), so only ordering by stepNumber gives step 1 first.
    insertWorkflowRow({
      userId: host.userId,
      activeOnAll: true,
      trigger: "BEFORE_EVENT",
      time: 1,
      timeUnit: "HOUR",
      steps: [
        { ...step, stepNumber: 2 },
        { ...step, stepNumber: 1 },
      ],
    }),
    // Another user's, on all their event types.
    insertWorkflowRow({ userId: other.userId, activeOnAll: true, trigger: "BEFORE_EVENT", time: 1, timeUnit: "HOUR", steps: [step] }),
    // The team's, on all its event types (a managed child's too), "30 minutes before".
    insertWorkflowRow({ teamId: team.team.teamId, activeOnAll: true, trigger: "BEFORE_EVENT", time: 30, timeUnit: "MINUTE", steps: [step] }),
    // Another team's, on all its event types.
    insertWorkflowRow({ teamId: otherTeam.teamId, activeOnAll: true, trigger: "BEFORE_EVENT", time: 30, timeUnit: "MINUTE", steps: [step] }),
    // A team host's own, on all their personal event types: not the team's.
    insertWorkflowRow({ userId: team.hosts[0]!.userId, activeOnAll: true, trigger: "BEFORE_EVENT", time: 2, timeUnit: "HOUR", steps: [step] }),
    // Active on the managed parent, "1 day after".
    insertWorkflowRow({ teamId: team.team.teamId, eventTypeIds: [parent.id], trigger: "AFTER_EVENT", time: 1, timeUnit: "DAY", steps: [step] }),
    // Routing-form workflows, reaching the bookings by every branch the event-type ones use: never applied.
    insertWorkflowRow({ type: "ROUTING_FORM", userId: host.userId, activeOnAll: true, trigger: "BEFORE_EVENT", time: 1, timeUnit: "HOUR", steps: [step] }),
    insertWorkflowRow({ type: "ROUTING_FORM", teamId: team.team.teamId, activeOnAll: true, trigger: "BEFORE_EVENT", time: 1, timeUnit: "HOUR", steps: [step] }),
    insertWorkflowRow({
      type: "ROUTING_FORM",
      teamId: team.team.teamId,
      eventTypeIds: [personalTypeId, teamTypeId, parent.id, childTypeId],
      trigger: "BEFORE_EVENT",
      time: 1,
      timeUnit: "HOUR",
      steps: [step],
    }),
  ]);
  const names = ["hostAll", "otherUserAll", "teamAll", "otherTeamAll", "teamHostAll", "onParent", "formHostAll", "formTeamAll", "formOnTypes"];
  names.forEach((name, i) => {
    workflows[name] = inserted[i]!;
  });
}, 120_000);

interface Reminder {
  workflowId: number;
  workflowStepId: number;
  scheduledDate: Date;
  status: string;
}

/** The booking's reminders in the order they were written. */
const remindersOf = (bookingUid: string) =>
  sql<Reminder>`
    SELECT s."workflowId", r."workflowStepId", r."scheduledDate", r."status"::text AS "status"
    FROM "WorkflowReminder" r JOIN "WorkflowStep" s ON s."id" = r."workflowStepId"
    WHERE r."bookingUid" = ${bookingUid} ORDER BY r."id"`;

async function bookAt(eventTypeId: number, start: string): Promise<string> {
  const created = await book({ start, eventTypeId, attendee: attendee() });
  expect(created.status, created.text).toBe(201);
  return created.body.data.uid;
}

const reminder = (name: string, stepIndex: number, scheduledDate: number): Reminder => ({
  workflowId: workflows[name]!.id,
  workflowStepId: workflows[name]!.stepIds[stepIndex]!,
  scheduledDate: new Date(scheduledDate),
  status: "PENDING",
});

describe("the workflows a booking gets reminders from", () => {
  it("a personal event type: its owner's isActiveOnAll workflow, steps in stepNumber order, 1 hour before; no other user's, no routing form's", async () => {
    const [first, second] = workflows.hostAll!.stepIds;
    // The fixture's point: step 1 was created after step 2.
    expect(first!).toBeGreaterThan(second!);
    const start = at(monday, 0, 10);
    const uid = await bookAt(personalTypeId, start);
    const startMs = Date.parse(start);
    expect(await remindersOf(uid)).toEqual([reminder("hostAll", 0, startMs - HOUR), reminder("hostAll", 1, startMs - HOUR)]);
  });

  it("a team event type: the team's isActiveOnAll workflow, 30 minutes before; not a host's own, not another team's, no routing form's", async () => {
    const start = at(monday, 1, 11);
    const uid = await bookAt(teamTypeId, start);
    expect(await remindersOf(uid)).toEqual([reminder("teamAll", 0, Date.parse(start) - 30 * MINUTE)]);
  });

  it("a managed child: the workflow active on its parent (1 day after the end) and the parent team's isActiveOnAll one", async () => {
    const start = at(monday, 2, 14);
    const uid = await bookAt(childTypeId, start);
    const startMs = Date.parse(start);
    const end = startMs + 30 * MINUTE;
    const rows = await remindersOf(uid);
    // Written in workflow id order (the workflows were inserted at once, so either may have the lower id); the
    // child's owner has no workflow of their own here.
    const expected = [reminder("teamAll", 0, startMs - 30 * MINUTE), reminder("onParent", 0, end + DAY)].sort((a, b) => a.workflowId - b.workflowId);
    expect(rows).toEqual(expected);
  });
});

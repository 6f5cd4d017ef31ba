// An organization's webhooks receive the booking events of its users (as organizer) and of its teams' event
// types, through the real queue and consumer to the local receiver; nobody else's.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { createOrganization, createSchedule, createTeamEventTypeRow, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";
import { hmacHex, receiverUrl, uniqueName, waitForRequests } from "../../helpers/webhooks";

const monday = futureMonday(11);
const TRIGGERS = ["BOOKING_CREATED", "BOOKING_CANCELLED"];
let org: OrganizationFixture;
let otherOrg: OrganizationFixture;
let member: OrgMember;
let memberEventTypeId: number;
let teamHost: Host;
let teamEventTypeId: number;
let outsider: Host;
let outsiderEventTypeId: number;
const receiver = uniqueName("org-hook");
const otherReceiver = uniqueName("other-org-hook");
const secret = `whsec-${uniqueName()}`;

interface Delivered {
  triggerEvent: string;
  payload: Record<string, unknown>;
}

async function deliveredTo(name: string, uid: string, trigger: string): Promise<{ body: Delivered; raw: string; signature?: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const requests = await waitForRequests(name, 1, 1_000).catch(() => []);
    const found = requests.find((r) => {
      const body = JSON.parse(r.body) as Delivered;
      return body.triggerEvent === trigger && body.payload.uid === uid;
    });
    if (found) return { body: JSON.parse(found.body), raw: found.body, signature: found.headers["x-cal-signature-256"] };
    if (Date.now() > deadline) throw new Error(`no ${trigger} delivered to ${name} for ${uid}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The org webhooks a booking's event fanned out to (deliveries are written at once by the fan-out). */
const orgDeliveries = (uid: string) =>
  sql<{ teamId: number | null }>`
    SELECT w."teamId" FROM "WebhookDelivery" d JOIN "Webhook" w ON w."id" = d."webhookId"
    WHERE d."event"->'payload'->>'uid' = ${uid} AND w."teamId" IS NOT NULL`;

beforeAll(async () => {
  [org, otherOrg, teamHost, outsider] = await Promise.all([createOrganization(), createOrganization(), createHost(), createHost()]);
  member = await org.addMember("MEMBER");
  await createSchedule(member);
  memberEventTypeId = (await createBookableEventType(member)).id;
  // A team of the org whose host is not an org user: the team's organization is what makes the event the org's.
  const team = await org.addTeam([{ userId: teamHost.userId }]);
  teamEventTypeId = (await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: teamHost.userId }])).id;
  outsiderEventTypeId = (await createBookableEventType(outsider)).id;
  for (const [o, name, extra] of [
    [org, receiver, { secret }],
    [otherOrg, otherReceiver, {}],
  ] as const) {
    const res = await api(`/v2/organizations/${o.organizationId}/webhooks`, {
      key: o.owner.apiKey,
      body: { subscriberUrl: receiverUrl(name), triggers: TRIGGERS, active: true, ...extra },
    });
    expect(res.status, res.text).toBe(201);
  }
});

describe("organization webhook delivery", () => {
  it("a member's personal booking and its cancellation reach the org's webhook, signed; another org's does not get it", async () => {
    const created = await book({ start: at(monday, 0, 10), eventTypeId: memberEventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid;
    const delivered = await deliveredTo(receiver, uid, "BOOKING_CREATED");
    expect(delivered.body.payload).toMatchObject({ uid, eventTypeId: memberEventTypeId, organizer: { id: member.userId } });
    expect(delivered.signature).toBe(await hmacHex(secret, delivered.raw));
    expect(await orgDeliveries(uid)).toEqual([{ teamId: org.organizationId }]);

    expect((await onBooking(uid, "/cancel", { method: "POST", body: { cancellationReason: "moved" } })).status).toBe(200);
    const cancelled = await deliveredTo(receiver, uid, "BOOKING_CANCELLED");
    expect(cancelled.body.payload).toMatchObject({ uid, cancellationReason: "moved" });
  });

  it("a booking of one of the org's teams reaches the org's webhook even when its host is not an org user", async () => {
    const created = await book({ start: at(monday, 1, 10), eventTypeId: teamEventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid;
    await deliveredTo(receiver, uid, "BOOKING_CREATED");
    expect(await orgDeliveries(uid)).toEqual([{ teamId: org.organizationId }]);
  });

  it("a booking of a user outside every org reaches no org webhook", async () => {
    const created = await book({ start: at(monday, 2, 10), eventTypeId: outsiderEventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    // Give the queue time to fan out, then check nothing was written for any org webhook.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await orgDeliveries(created.body.data.uid)).toEqual([]);
    expect((await waitForRequests(otherReceiver, 1, 500)).length).toBe(0);
  });

  it("an inactive org webhook receives nothing", async () => {
    const list = await api(`/v2/organizations/${org.organizationId}/webhooks`, { key: org.owner.apiKey });
    const id = list.body.data[0].id;
    expect(
      (await api(`/v2/organizations/${org.organizationId}/webhooks/${id}`, { key: org.owner.apiKey, method: "PATCH", body: { active: false } })).status,
    ).toBe(200);
    const created = await book({ start: at(monday, 3, 10), eventTypeId: memberEventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await orgDeliveries(created.body.data.uid)).toEqual([]);
  });
});

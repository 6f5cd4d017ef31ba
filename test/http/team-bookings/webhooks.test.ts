import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, futureMonday, onBooking } from "../../helpers/bookings";
import { createEventTypeWebhookRow, createManagedChildRow, createTeamEventTypeRow, sql } from "../../helpers/fixtures";
import { createEventTypeForAllHosts, createTeamWithHosts, type TeamWithHosts } from "../../helpers/team-bookings";
import { createWebhookFor, receiverUrl, uniqueName, waitForRequests } from "../../helpers/webhooks";

// A team booking's events reach the team event type's subscribers, every host's own user webhooks (organizer and
// co-hosts), and for a managed child the parent template's subscribers. The real queue consumer delivers them.

const TRIGGERS = ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED"];
const monday = futureMonday(9);
let team: TeamWithHosts;
let collectiveType: { id: number; slug: string };
const receivers = { eventType: uniqueName("team-et"), organizer: uniqueName("organizer"), coHost: uniqueName("cohost"), parent: uniqueName("parent") };

interface Delivered {
  triggerEvent: string;
  payload: Record<string, unknown>;
}

async function deliveredTo(receiver: string, uid: string, trigger: string): Promise<Delivered> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const requests = await waitForRequests(receiver, 1, 1_000).catch(() => []);
    const found = requests.map((r) => JSON.parse(r.body) as Delivered).find((body) => body.triggerEvent === trigger && body.payload.uid === uid);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${trigger} delivered to ${receiver} for ${uid}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  team = await createTeamWithHosts(2);
  collectiveType = await createEventTypeForAllHosts(team, "COLLECTIVE");
  await createEventTypeWebhookRow(collectiveType.id, receiverUrl(receivers.eventType), TRIGGERS);
  await createWebhookFor(team.hosts[0]!, { subscriberUrl: receiverUrl(receivers.organizer), triggers: TRIGGERS });
  await createWebhookFor(team.hosts[1]!, { subscriberUrl: receiverUrl(receivers.coHost), triggers: TRIGGERS });
});

describe("team booking webhooks", () => {
  it("a collective booking's creation and cancellation reach the event type's subscribers, the organizer and the co-host", async () => {
    const created = await book({ start: at(monday, 0, 10), eventTypeId: collectiveType.id, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid;
    for (const receiver of [receivers.eventType, receivers.organizer, receivers.coHost]) {
      const event = await deliveredTo(receiver, uid, "BOOKING_CREATED");
      expect(event.payload).toMatchObject({ uid, eventTypeId: collectiveType.id, organizer: { id: team.hosts[0]!.userId }, status: "ACCEPTED" });
    }
    expect((await onBooking(uid, "/cancel", { method: "POST", body: { cancellationReason: "later" } })).status).toBe(200);
    const cancelled = await deliveredTo(receivers.coHost, uid, "BOOKING_CANCELLED");
    expect(cancelled.payload).toMatchObject({ uid, cancellationReason: "later", status: "CANCELLED" });
    await deliveredTo(receivers.eventType, uid, "BOOKING_CANCELLED");
  });

  it("a managed child's booking reaches the parent template's subscribers", async () => {
    const parent = await createTeamEventTypeRow(team.team.teamId, "MANAGED", []);
    await createEventTypeWebhookRow(parent.id, receiverUrl(receivers.parent), TRIGGERS);
    const child = await createManagedChildRow(parent, team.hosts[1]!.userId);
    const created = await book({ start: at(monday, 1, 10), eventTypeId: child.id, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const event = await deliveredTo(receivers.parent, created.body.data.uid, "BOOKING_CREATED");
    expect(event.payload).toMatchObject({ eventTypeId: child.id, organizer: { id: team.hosts[1]!.userId } });
    // The child's owner's own webhook (the co-host receiver above belongs to that user) gets it too.
    await deliveredTo(receivers.coHost, created.body.data.uid, "BOOKING_CREATED");
  });

  it("a round-robin booking reaches the chosen host only, not the other hosts", async () => {
    const rrType = await createEventTypeForAllHosts(team, "ROUND_ROBIN");
    const created = await book({ start: at(monday, 2, 10), eventTypeId: rrType.id, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid;
    expect(created.body.data.hosts[0].id).toBe(team.hosts[0]!.userId);
    await deliveredTo(receivers.organizer, uid, "BOOKING_CREATED");
    // The fan-out writes every delivery of the event at once: by now they all exist, and none is the other host's.
    const deliveries = await sql<{ userId: number | null }>`
      SELECT w."userId" FROM "WebhookDelivery" d JOIN "Webhook" w ON w."id" = d."webhookId"
      WHERE d."event"->'payload'->>'uid' = ${uid}`;
    expect(deliveries).toEqual([{ userId: team.hosts[0]!.userId }]);
  });
});

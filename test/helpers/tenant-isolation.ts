// Tenant isolation over every operation outside `/v2/organizations` that names a resource in its path (issue 20:
// "a second tenant's credentials never read, change or delete the first tenant's resource"), generated from
// routes/index.ts like test/http/security/operations.test.ts; the org paths have their own generated suite
// (test/helpers/org-isolation.ts). Tenant A owns one real row of every kind a path can name; tenant B, a user of
// the same standing (a platform organization's owner with their own client, team and resources), calls each
// operation with A's ids. A path param nobody mapped fails the test, so a new route cannot slip through.
import { operations } from "../../routes/index";
import type { Operation } from "../../src/operation";
import { api } from "./api";
import { at, futureMonday } from "./bookings";
import { createManagedUser, createOAuthClient, createPlatformOrganization, createRoutingFormRow, createTeamViaApi, type Member, unique } from "./fixtures";
import { insertDelivery } from "./webhooks";

export interface IsolationUser {
  owner: Member;
  /** Path param name → the id of this tenant's row of that kind. */
  ids: Record<string, string>;
}

async function created(label: string, res: { status: number; text: string; body: { data?: Record<string, unknown> } }) {
  if (res.status !== 201 && res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
  return res.body.data as Record<string, unknown> & { id: number | string };
}

/** A platform organization's owner with one of everything a non-org path can name. */
export async function createIsolationUser(): Promise<IsolationUser> {
  const org = await createPlatformOrganization();
  const key = org.owner.apiKey;
  const schedule = await created(
    "schedule",
    await api("/v2/schedules", {
      key,
      version: "2024-06-11",
      body: {
        name: "Iso",
        timeZone: "UTC",
        isDefault: true,
        availability: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" }],
      },
    }),
  );
  const eventType = await created(
    "event type",
    await api("/v2/event-types", { key, version: "2024-06-14", body: { title: "Iso", slug: unique("iso"), lengthInMinutes: 30, minimumBookingNotice: 0 } }),
  );
  const eventTypeWebhook = await created(
    "event-type webhook",
    await api(`/v2/event-types/${eventType.id}/webhooks`, {
      key,
      body: { subscriberUrl: "https://example.com/iso", triggers: ["BOOKING_CREATED"], active: true },
    }),
  );
  const link = await created("private link", await api(`/v2/event-types/${eventType.id}/private-links`, { key, version: "2024-06-14", body: {} }));
  const webhook = await created(
    "webhook",
    await api("/v2/webhooks", { key, body: { subscriberUrl: "https://example.com/iso-user", triggers: ["BOOKING_CREATED"], active: true } }),
  );
  const booking = await created(
    "booking",
    await api("/v2/bookings", {
      version: "2024-08-13",
      body: {
        eventTypeId: eventType.id,
        start: at(futureMonday(8), 0, 10),
        attendee: { name: "Iso Guest", email: `${unique("iso")}@example.com`, timeZone: "UTC" },
      },
    }),
  );
  const team = await createTeamViaApi(key);
  const member = await org.addMember("MEMBER");
  const membership = await created(
    "team membership",
    await api(`/v2/teams/${team.id}/memberships`, { key, body: { userId: member.userId, accepted: true, role: "MEMBER" } }),
  );
  const teamEventType = await created(
    "team event type",
    await api(`/v2/teams/${team.id}/event-types`, {
      key,
      version: "2024-06-14",
      body: { title: "Iso team", slug: unique("iso-team"), lengthInMinutes: 30, schedulingType: "COLLECTIVE", assignAllTeamMembers: true },
    }),
  );
  const teamEventTypeWebhook = await created(
    "team event-type webhook",
    await api(`/v2/teams/${team.id}/event-types/${teamEventType.id}/webhooks`, {
      key,
      body: { subscriberUrl: "https://example.com/iso-team", triggers: ["BOOKING_CREATED"], active: true },
    }),
  );
  const client = await createOAuthClient(key);
  const clientWebhook = await created(
    "oauth-client webhook",
    await api(`/v2/oauth-clients/${client.clientId}/webhooks`, {
      key,
      body: { subscriberUrl: "https://example.com/iso-client", triggers: ["BOOKING_CREATED"], active: true },
    }),
  );
  const managedUser = await createManagedUser(client);
  const delivery = await insertDelivery(String(webhook.id));
  const form = await createRoutingFormRow({ userId: org.owner.userId, teamId: Number(team.id), fields: [], routes: [] });
  return {
    owner: org.owner,
    ids: {
      scheduleId: String(schedule.id),
      eventTypeId: String(eventType.id),
      linkId: String(link.linkId ?? link.id),
      webhookId: String(webhook.id),
      bookingUid: String(booking.uid),
      teamId: String(team.id),
      membershipId: String(membership.id),
      clientId: client.clientId,
      userId: String(managedUser.id),
      // Nested event-type paths under a team take the team's event type; webhook paths nested under an event type
      // or client take that parent's webhook (resolved per path below).
      teamEventTypeId: String(teamEventType.id),
      eventTypeWebhookId: String(eventTypeWebhook.id),
      clientWebhookId: String(clientWebhook.id),
      teamEventTypeWebhookId: String(teamEventTypeWebhook.id),
      deliveryId: String(delivery.id),
      routingFormId: form.id,
    },
  };
}

/** Operations in scope: authenticated (not public, not optional-auth), outside /v2/organizations, with a path param. */
export const isolationOperations = operations.filter(
  (operation) =>
    operation.auth !== "public" &&
    operation.auth.optional !== true &&
    !operation.route.path.startsWith("/v2/organizations") &&
    operation.route.path.includes("{"),
);

/** The path of `operation` filled with `tenant`'s ids; throws for a param without a mapping. */
export function pathFor(operation: Operation, tenant: IsolationUser): string {
  const path = operation.route.path;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    let key = name;
    if (name === "eventTypeId" && path.startsWith("/v2/teams/")) key = "teamEventTypeId";
    if (name === "webhookId" && path.startsWith("/v2/event-types/")) key = "eventTypeWebhookId";
    if (name === "webhookId" && path.startsWith("/v2/oauth-clients/")) key = "clientWebhookId";
    if (name === "webhookId" && path.startsWith("/v2/teams/")) key = "teamEventTypeWebhookId";
    const value = tenant.ids[key] ?? SHARED_PARAMS[name];
    if (value === undefined) throw new Error(`tenant isolation: no id mapped for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

// Params that name no tenant's row: an integration slug, a verified-resource id (none exist in this suite).
const SHARED_PARAMS: Record<string, string> = { calendar: "google", app: "zoom", eventUid: "no-such-event", id: "1" };

/**
 * Valid bodies where the contract's plausible one would fail validation first (our validation runs before the
 * ownership check, so an invalid body would prove nothing about isolation). `me` is the caller (tenant B).
 */
export function validBodyFor(operationKey: string, me: IsolationUser): unknown {
  const bodies: Record<string, unknown> = {
    "PATCH /v2/event-types/{eventTypeId}": {},
    "PATCH /v2/bookings/{bookingUid}/location": { location: { type: "address", address: "1 Intruder Street" } },
    "POST /v2/bookings/{bookingUid}/guests": { guests: [{ email: "intruder@example.com", name: "Intruder" }] },
    "PATCH /v2/calendars/{calendar}/events/{eventUid}": { title: "Changed by another tenant" },
    "PATCH /v2/event-types/{eventTypeId}/private-links/{linkId}": { maxUsageCount: 5 },
    "PATCH /v2/teams/{teamId}": { name: "Renamed by another tenant" },
    "POST /v2/teams/{teamId}/memberships": { userId: me.owner.userId, role: "MEMBER", accepted: true },
    "POST /v2/teams/{teamId}/event-types": { title: "Intruder", slug: unique("intruder"), lengthInMinutes: 30, schedulingType: "COLLECTIVE" },
    "PATCH /v2/teams/{teamId}/event-types/{eventTypeId}": { title: "Changed by another tenant" },
    "POST /v2/teams/{teamId}/event-types/{eventTypeId}/create-phone-call": {
      yourPhoneNumber: "+14155552671",
      numberToCall: "+14155552672",
      calApiKey: "cal_live_0123456789abcdef",
      enabled: true,
      templateType: "CUSTOM_TEMPLATE",
    },
  };
  return bodies[operationKey];
}

/** Query strings an operation needs to get past validation. */
export const QUERY_FOR: Record<string, string> = {
  "POST /v2/routing-forms/{routingFormId}/calculate-slots": "?start=2050-01-03&end=2050-01-04",
};

// Generated over every authenticated operation outside /v2/organizations that names a resource (see
// test/helpers/tenant-isolation.ts): tenant B's credentials on tenant A's ids are refused (401/403/404, as Cal.com
// answers), and afterwards every resource of A reads back unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createIsolationUser, type IsolationUser, isolationOperations, pathFor, QUERY_FOR, validBodyFor } from "../../helpers/tenant-isolation";
import { fuzzRequests } from "../../support/contract-fuzz";
import { Random } from "../../support/property";

let a: IsolationUser;
let b: IsolationUser;
const snapshots = new Map<string, string>();

// What A can read of each resource, before and after B's attempts: a write by B would show as a difference.
const READS: [string, (ids: Record<string, string>) => string, string?][] = [
  ["schedule", (ids) => `/v2/schedules/${ids.scheduleId}`, "2024-06-11"],
  ["event type", (ids) => `/v2/event-types/${ids.eventTypeId}`, "2024-06-14"],
  ["private links", (ids) => `/v2/event-types/${ids.eventTypeId}/private-links`, "2024-06-14"],
  ["event-type webhook", (ids) => `/v2/event-types/${ids.eventTypeId}/webhooks/${ids.eventTypeWebhookId}`],
  ["webhook", (ids) => `/v2/webhooks/${ids.webhookId}`],
  ["booking", (ids) => `/v2/bookings/${ids.bookingUid}`, "2024-08-13"],
  ["team", (ids) => `/v2/teams/${ids.teamId}`],
  ["team membership", (ids) => `/v2/teams/${ids.teamId}/memberships/${ids.membershipId}`],
  ["team event type", (ids) => `/v2/teams/${ids.teamId}/event-types/${ids.teamEventTypeId}`, "2024-06-14"],
  ["team event-type webhook", (ids) => `/v2/teams/${ids.teamId}/event-types/${ids.teamEventTypeId}/webhooks/${ids.teamEventTypeWebhookId}`],
  ["oauth client", (ids) => `/v2/oauth-clients/${ids.clientId}`],
  ["oauth-client webhook", (ids) => `/v2/oauth-clients/${ids.clientId}/webhooks/${ids.clientWebhookId}`],
  ["managed user", (ids) => `/v2/oauth-clients/${ids.clientId}/users/${ids.userId}`],
];

async function readAll(tenant: IsolationUser) {
  const out = new Map<string, string>();
  for (const [name, path, version] of READS) {
    const res = await api(path(tenant.ids), { key: tenant.owner.apiKey, version });
    out.set(name, `${res.status} ${JSON.stringify(res.body?.data ?? null)}`);
  }
  return out;
}

beforeAll(async () => {
  [a, b] = await Promise.all([createIsolationUser(), createIsolationUser()]);
  for (const [name, value] of await readAll(a)) snapshots.set(name, value);
});

const REFUSED = [401, 403, 404];
/** Reviewed answers other than 401/403/404, each with why it leaks nothing of A's. */
const REVIEWED: Record<string, { statuses: number[]; why: string }> = {
  // Cal.com's answer to a booking outside the caller's reach here is this 400 ("… does not belong to user").
  "GET /v2/bookings/{bookingUid}/references": { statuses: [400], why: "Cal.com's 400 'does not belong to user'" },
  // Authenticated by the client secret, not by an API key: B's key is no credential of A's client.
  "POST /v2/oauth/{clientId}/refresh": { statuses: [400, 401], why: "Cal.com's 400 'Invalid OAuthClient credentials'" },
  // Cal.com answers {status: success} to any authenticated caller: a token check that returns no data.
  "GET /v2/provider/{clientId}/access-token": { statuses: [200], why: "answers {status:'success'} only, no data" },
  // The booking uid is the capability: GET /v2/bookings/{uid} answers anyone holding it (optional auth in Cal.com).
  "GET /v2/bookings/{bookingUid}/calendar-links": { statuses: [200], why: "the uid is the capability, as for GET /v2/bookings/{uid}" },
  // Cal.com puts no guard on it (a dry run that stores nothing; the form's id is the capability).
  // (This form has no routes, so the answer is its 404; with routes it would be 200 for anyone, as in Cal.com.)
  "POST /v2/routing-forms/{routingFormId}/calculate-slots": { statuses: [200, 404], why: "no guard in Cal.com; stores nothing" },
  // `{calendar}` names a provider, not a tenant's resource: these answer about the caller's own connections.
  "POST /v2/calendars/{calendar}/credentials": { statuses: [400], why: "Cal.com's 400 'Invalid calendar type' (only apple takes credentials)" },
  "GET /v2/calendars/{calendar}/check": { statuses: [400], why: "the caller's own 'Credentials for google_calendar not found.'" },
  // `{app}` names a conferencing provider, not a tenant's resource: these answer about the caller's own connections.
  "POST /v2/conferencing/{app}/connect": { statuses: [400], why: "Cal.com's 400 'Invalid conferencing app' (only google-meet connects without OAuth)" },
  "GET /v2/conferencing/{app}/oauth/auth-url": { statuses: [200], why: "the caller's own authorize URL (its state names the caller)" },
  "POST /v2/conferencing/{app}/default": { statuses: [400], why: "the caller's own 'zoom not connected.'" },
  "DELETE /v2/conferencing/{app}/disconnect": { statuses: [400], why: "the caller's own 'zoom not connected.'" },
  "GET /v2/calendars/{calendar}/connect": { statuses: [200], why: "the consent URL for the caller's own account (its state names the caller)" },
  // Cal.com answers an id outside the caller's own verified addresses with `data: null` (checked below: no data).
  "GET /v2/verified-resources/emails/{id}": { statuses: [200], why: "Cal.com's {status: success, data: null}" },
  "GET /v2/verified-resources/phones/{id}": { statuses: [200], why: "Cal.com's {status: success, data: null}" },
};
const DATA_ALLOWED = new Set([
  "GET /v2/bookings/{bookingUid}/calendar-links",
  "POST /v2/routing-forms/{routingFormId}/calculate-slots",
  "GET /v2/conferencing/{app}/oauth/auth-url",
  "GET /v2/calendars/{calendar}/connect",
]);

const label = (operation: (typeof isolationOperations)[number]) =>
  `${operation.route.method.toUpperCase()} ${operation.route.path}${operation.versions === "all" ? "" : ` (${operation.versions[0]})`}`;

describe("another tenant's credentials on this tenant's ids", () => {
  it("every operation in scope is mapped (no path param without a tenant id)", () => {
    expect(isolationOperations.length).toBeGreaterThan(40);
    for (const operation of isolationOperations) expect(() => pathFor(operation, a)).not.toThrow();
  });

  it.each(isolationOperations.map((operation, index) => [label(operation), operation, index] as const))("%s is refused", async (_, operation, index) => {
    const method = operation.route.method.toUpperCase();
    const version = operation.versions === "all" ? undefined : operation.versions[0];
    // A body shaped as the contract documents (the plausible request of the fuzzer), so validation passes where it
    // can and the answer is about ownership.
    const key = `${method} ${operation.route.path}`;
    const [plausible] = fuzzRequests({ method, path: operation.route.path, version }, new Random(index + 1), a.ids, 1);
    const body = validBodyFor(key, b) ?? plausible?.body;
    const res = await api(`${pathFor(operation, a)}${QUERY_FOR[key] ?? ""}`, { method, version, key: b.owner.apiKey, ...(body !== undefined ? { body } : {}) });
    expect(REVIEWED[key]?.statuses ?? REFUSED, `${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);
    // Nothing of A's in the answer (an error message may repeat the id that was asked for, nothing more).
    if (!DATA_ALLOWED.has(key)) expect(res.body?.data ?? null, res.text.slice(0, 300)).toBeNull();
    expect(res.text).not.toContain(a.owner.email);
  });

  it("afterwards, every resource of A reads back exactly as before", async () => {
    const after = await readAll(a);
    for (const [name, before] of snapshots) {
      expect(before.startsWith("200 "), `${name} readable by its owner: ${before.slice(0, 200)}`).toBe(true);
      expect(after.get(name), name).toBe(before);
    }
  });
});

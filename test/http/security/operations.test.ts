// Generated from routes/index.ts: every operation that is not public refuses a caller without credentials and one
// with a wrong API key, so no new operation can forget its auth policy. One request per case (the workerd pool
// slows down after many requests per worker); per-resource suites (test/helpers/security.ts) go deeper.
import { describe, expect, it } from "vitest";
import { operations } from "../../../routes/index";
import type { Operation } from "../../../src/operation";
import { type ApiResult, api, expectError } from "../../helpers/api";

// Plausible values for the path params in use; any other param gets "1" (a valid integer id and a valid string).
const PARAM_VALUES: Record<string, string> = {
  clientId: "clsx38nbl0001vkhlwin9fmt0",
  webhookId: "0b5a3c1e-3f4d-4b8a-9c2e-7d6f5e4a3b2c",
  deliveryId: "5c1e0b5a-3f4d-4b8a-9c2e-7d6f5e4a3b2c",
  bookingUid: "bk7Qx2d9ZpW4mN8vR3tY6u",
  uid: "e7d6f5e4-a3b2-4c1e-8b5a-3f4d0b5a9c2e",
  eventSlug: "intro-call",
  // org pbac
  roleId: "clsx38nbl0001vkhlwin9fmt0",
  permission: "eventType.read",
};

// One wrong key per operation: the throttler keys on the presented key, and one key over every operation would
// exceed its per-key limit (the 429 would then hide the 401 being checked).
const wrongApiKey = (index: number) => `cal_wrong${String(index).padStart(25, "0")}`;

/** The operation's path with its `{params}` filled in. */
const concretePath = (operation: Operation) => operation.route.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM_VALUES[name] ?? "1");

/** The first version the operation serves, as a header (none for operations serving every version). */
const versionOf = (operation: Operation) => (operation.versions === "all" ? undefined : operation.versions[0]);

// Reviewed exceptions: a new public or optional-auth operation must be added here on purpose.
const PUBLIC = [
  "GET /health",
  // Calendar change-notification receivers: called by Google / Microsoft, verified by the channel's token/clientState.
  "POST /internal/calendar-notifications/google",
  "POST /internal/calendar-notifications/office365",
  "GET /v2/provider/{clientId}",
  "GET /v2/atoms/event-types/{eventSlug}/public",
  "GET /v2/atoms/verification/email/check",
  "GET /v2/timezones",
  "GET /v2/slots",
  "GET /v2/slots/available",
  "POST /v2/slots/reserve",
  "DELETE /v2/slots/selected-slot",
  // Cal.com's TeamsEventTypesController list has no guard at all.
  "GET /v2/teams/{teamId}/event-types",
  // org org-event-types: its org twin has only IsOrgGuard, IsTeamInOrg and IsAdminAPIEnabledGuard.
  "GET /v2/organizations/{orgId}/teams/{teamId}/event-types",
  // The conferencing OAuth callback is the provider's browser redirect (Cal.com: @UseGuards() with no guard); the
  // signed state is what names the user.
  "GET /v2/conferencing/{app}/oauth/callback",
  // The OAuth provider's redirect target (Cal.com's is unguarded too): the signed state names the user.
  "GET /v2/calendars/{calendar}/save",
  // Stripe's redirect after the Connect consent screen (Cal.com's is unguarded too): the signed state names the user.
  "GET /v2/stripe/save",
  // Stripe's webhook events: verified by their Stripe-Signature, not by our credentials.
  "POST /v2/stripe/webhook",
];
// Cal.com's OptionalApiAuthGuard: anonymous callers pass, wrong credentials do not.
const OPTIONAL_AUTH = [
  "GET /v2/event-types",
  "POST /v2/slots/reservations",
  "GET /v2/slots/reservations/{uid}",
  "PATCH /v2/slots/reservations/{uid}",
  "DELETE /v2/slots/reservations/{uid}",
  "POST /v2/bookings",
  "GET /v2/bookings/{bookingUid}",
  "POST /v2/bookings/{bookingUid}/cancel",
  "POST /v2/bookings/{bookingUid}/reschedule",
  "POST /v2/bookings/recurring",
  "POST /v2/bookings/instant",
  "GET /v2/bookings/{bookingUid}/reschedule",
];

const key = (operation: Operation) => `${operation.route.method.toUpperCase()} ${operation.route.path}`;
const isOptional = (operation: Operation) => operation.auth !== "public" && operation.auth.optional === true;
const unique = (keys: string[]) => [...new Set(keys)].sort();

it("the public and optional-auth operations are the reviewed ones", () => {
  expect(unique(operations.filter((operation) => operation.auth === "public").map(key))).toEqual(unique(PUBLIC));
  expect(unique(operations.filter(isOptional).map(key))).toEqual(unique(OPTIONAL_AUTH));
});

const secured = operations.filter((operation) => operation.auth !== "public");
const label = (operation: Operation) => `${key(operation)}${operation.versions === "all" ? "" : ` (${operation.versions[0]})`}`;

const expectUnauthorized = (res: ApiResult) => expectError(res, 401, "UnauthorizedException");

describe.each(secured.map((operation, index) => [label(operation), operation, index] as const))("%s", (_, operation, index) => {
  const call = () => ({ method: operation.route.method.toUpperCase(), version: versionOf(operation) });
  if (!isOptional(operation)) {
    it("401 without credentials", async () => {
      expectUnauthorized(await api<unknown>(concretePath(operation), call()));
    });
  }

  it("401 with a wrong API key", async () => {
    expectUnauthorized(await api<unknown>(concretePath(operation), { ...call(), key: wrongApiKey(index) }));
  });
});

// Stripe test helpers: the local fake (test/support/stripe-fake.ts) and the Connect round trip as a browser makes it
// (connect → Stripe's consent screen → our /v2/stripe/save with the state and a code the test chooses).
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import { accountIdOfCode } from "../support/stripe-fake";
import { type ApiResult, api, dataOf, type LooseBody, parseBody } from "./api";
import { getNoFollow, type RecordedRequest, stateOf } from "./conferencing";
import { attendee, book, createBookableEventType, createHost, type Host } from "./bookings";
import { unique, withDb } from "./fixtures";

export { accountIdOfCode };
export const stripeFakeUrl = () => (env as unknown as Record<string, string>).TEST_STRIPE_FAKE_URL;
export const OK = "https://app.example.com/ok";
export const FAILED = "https://app.example.com/failed";

/** What the fake received whose path or body contains `needle`. */
export async function stripeReceived(needle: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${stripeFakeUrl()}/received?contains=${encodeURIComponent(needle)}`);
  return ((await res.json()) as { requests: RecordedRequest[] }).requests;
}

/** Changes what the fake answers for a connected account. */
export async function setStripeAccount(accountId: string, patch: { charges_enabled?: boolean; payouts_enabled?: boolean; fail?: number }) {
  const res = await fetch(`${stripeFakeUrl()}/control/accounts/${accountId}`, { method: "POST", body: JSON.stringify(patch) });
  expect(res.status).toBe(204);
}

/** GET …/stripe/connect under `prefix` (user: /v2/stripe; team: /v2/organizations/O/teams/T/stripe). */
export async function stripeConnectUrl(apiKey: string, prefix = "/v2/stripe", query = `?returnTo=${OK}&onErrorReturnTo=${FAILED}`) {
  return dataOf<{ authUrl: string }>(await api(`${prefix}/connect${query}`, { key: apiKey })).authUrl;
}

/** Stripe's redirect back to our public /v2/stripe/save. */
export const stripeSave = (params: Record<string, string>) => getNoFollow(`/v2/stripe/save?${new URLSearchParams(params)}`);

/** Connects Stripe for the key's owner (or a team, with `prefix`) through the whole round trip with `code`. */
export async function connectStripe(apiKey: string, code: string, prefix?: string): Promise<string> {
  const state = stateOf(await stripeConnectUrl(apiKey, prefix));
  const res = await stripeSave({ state, code });
  expect(res.status, res.text).toBe(301);
  expect(res.headers.get("location")).toBe(OK);
  return accountIdOfCode(code);
}

export const stripeCredentialsOf = (where: { userId?: number; teamId?: number }) =>
  withDb((db) => db.credential.findMany({ where: { ...where, type: "stripe_payment" }, orderBy: { id: "asc" } }));

/** vitest.config.ts's test-only STRIPE_WEBHOOK_SECRET. */
export const STRIPE_WEBHOOK_SECRET = "whsec_test_0123456789abcdef";

/** Stripe's `Stripe-Signature` for `body`: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
export async function stripeSignature(body: string, options: { secret?: string; timestamp?: number } = {}): Promise<string> {
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(options.secret ?? STRIPE_WEBHOOK_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${t}.${body}`)));
  return `t=${t},v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** POSTs a Stripe event to our webhook endpoint as Stripe does, signed unless `signature` says otherwise. */
export async function postStripeEvent(event: Record<string, unknown> | string, signature?: string): Promise<ApiResult<LooseBody>> {
  const body = typeof event === "string" ? event : JSON.stringify(event);
  const headers = { "content-type": "application/json", "stripe-signature": signature ?? (await stripeSignature(body)) };
  const response = await exports.default.fetch(new Request("http://api.test/v2/stripe/webhook", { method: "POST", headers, body }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseBody(text), text };
}

/** Stripe's checkout.session.completed event of a paid session on `account`. */
export const checkoutCompleted = (sessionId: string, account: string, paymentUid: string) => ({
  id: `evt_${sessionId}`,
  object: "event",
  type: "checkout.session.completed",
  account,
  data: { object: { id: sessionId, object: "checkout.session", payment_status: "paid", status: "complete", metadata: { paymentUid } } },
});

/** Makes an event type paid as Cal.com stores it: metadata.apps.stripe {enabled, price (minor units), currency}. */
export const makePaid = (eventTypeId: number, price = 2500, currency = "EUR") =>
  withDb((db) => db.eventType.update({ where: { id: eventTypeId }, data: { metadata: { apps: { stripe: { enabled: true, price, currency } } } } }));

/** A host (weekdays 09:00-17:00 UTC) connected to Stripe with one paid event type. */
export async function createPaidHost(price: number, currency: string): Promise<{ host: Host; accountId: string; eventTypeId: number }> {
  const host = await createHost();
  const accountId = await connectStripe(host.apiKey, unique("paidhost"));
  const eventTypeId = (await createBookableEventType(host)).id;
  await makePaid(eventTypeId, price, currency);
  return { host, accountId, eventTypeId };
}

/** Books a paid event type (201 expected) and answers the booking's uid and its Payment row. */
export async function bookPaid(eventTypeId: number, start: string, name = "Stripe Payer") {
  const res = await book({ eventTypeId, start, attendee: attendee(name) });
  expect(res.status, res.text).toBe(201);
  const uid = res.body.data.uid as string;
  return { uid, payment: await withDb((db) => db.payment.findFirstOrThrow({ where: { booking: { uid } } })) };
}

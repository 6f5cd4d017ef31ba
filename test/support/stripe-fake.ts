// A local stand-in for Stripe, for the workers tests (started by vitest's global setup, like video-fakes.ts): Connect's
// OAuth token endpoint and the REST API's accounts and Checkout Sessions. It checks the platform key we send and
// records every request; what it answers is chosen by the test:
//
//   POST /oauth/token  (Bearer sk_test_platform, form grant_type=authorization_code&code=C)
//        C = "bad-…" → 400 {error: invalid_grant}; "down-…" → 503; else 200 with stripe_user_id acct_<C, letters and digits>
//   GET  /v1/accounts/<id>   (Bearer sk_test_platform) → the account: default_currency "eur", charges and payouts enabled,
//        unless changed with POST /control/accounts/<id> {charges_enabled?, payouts_enabled?, fail?: <HTTP status>}
//        (`fail` also makes the account's Checkout Sessions fail)
//   POST /v1/checkout/sessions   (Bearer sk_test_platform, Stripe-Account acct_…, form body) → a session cs_test_<n>
//   POST /v1/checkout/sessions/<id>/expire → the session, expired
//   GET  /received?contains=X → {requests: [{method, path, headers, body, answeredWith}]}
import { createServer, type Server } from "node:http";
import type { TestProject } from "vitest/node";
import { listenOnLoopback, readBody } from "./loopback-server";

declare module "vitest" {
  export interface ProvidedContext {
    stripeFakeUrl: string;
  }
}

export const STRIPE_TEST_PLATFORM = { clientId: "ca_test_platform", secretKey: "sk_test_platform", webhookSecret: "whsec_test_0123456789abcdef" };

interface Account {
  charges_enabled: boolean;
  payouts_enabled: boolean;
  default_currency: string;
  fail?: number;
}

export const accountIdOfCode = (code: string) => `acct_${code.replace(/[^A-Za-z0-9]/g, "")}`;

export async function startStripeFake() {
  const recorded: { method: string; path: string; headers: Record<string, string>; body: string; answeredWith: number }[] = [];
  const accounts = new Map<string, Account>();
  let sessionSeq = 0;
  const accountOf = (id: string) => {
    let account = accounts.get(id);
    if (!account) {
      account = { charges_enabled: true, payouts_enabled: true, default_currency: "eur" };
      accounts.set(id, account);
    }
    return account;
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stripe");
    const body = await readBody(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    const entry = { method: request.method ?? "GET", path: url.pathname + url.search, headers, body, answeredWith: 0 };
    const reply = (status: number, payload: unknown) => {
      entry.answeredWith = status;
      recorded.push(entry);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    const path = url.pathname;
    if (path === "/received" && request.method === "GET") {
      const needle = url.searchParams.get("contains") ?? "";
      response.writeHead(200, { "content-type": "application/json" });
      return response.end(JSON.stringify({ requests: recorded.filter((r) => r.path.includes(needle) || r.body.includes(needle)) }));
    }
    const control = /^\/control\/accounts\/(\w+)$/.exec(path);
    if (control && request.method === "POST") {
      Object.assign(accountOf(control[1]!), JSON.parse(body || "{}"));
      response.writeHead(204);
      return response.end();
    }
    if (headers.authorization !== `Bearer ${STRIPE_TEST_PLATFORM.secretKey}`) {
      return reply(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    }
    if (path === "/oauth/token" && request.method === "POST") {
      const form = new URLSearchParams(body);
      const code = form.get("code") ?? "";
      if (form.get("grant_type") !== "authorization_code") return reply(400, { error: "unsupported_grant_type" });
      if (code.startsWith("bad-")) return reply(400, { error: "invalid_grant", error_description: `Authorization code does not exist: ${code}` });
      if (code.startsWith("down-")) return reply(503, { error: { type: "api_error", message: "unavailable" } });
      const id = accountIdOfCode(code);
      accountOf(id);
      return reply(200, {
        access_token: `sk_test_acct_${id}`,
        livemode: false,
        refresh_token: `rt_${id}`,
        scope: "read_write",
        stripe_publishable_key: `pk_test_${id}`,
        stripe_user_id: id,
        token_type: "bearer",
      });
    }
    const account = /^\/v1\/accounts\/(\w+)$/.exec(path);
    if (account && request.method === "GET") {
      const state = accounts.get(account[1]!);
      if (!state)
        return reply(403, { error: { code: "account_invalid", type: "invalid_request_error", message: "The provided key does not have access to account" } });
      if (state.fail) return reply(state.fail, { error: { type: "api_error", message: "failure" } });
      return reply(200, {
        id: account[1],
        object: "account",
        charges_enabled: state.charges_enabled,
        payouts_enabled: state.payouts_enabled,
        default_currency: state.default_currency,
      });
    }
    if (path === "/v1/checkout/sessions" && request.method === "POST") {
      const connected = headers["stripe-account"];
      if (!connected || !accounts.has(connected)) return reply(400, { error: { type: "invalid_request_error", message: "No such account" } });
      const failing = accounts.get(connected)!.fail;
      if (failing) return reply(failing, { error: { type: "api_error", message: "failure" } });
      const form = new URLSearchParams(body);
      sessionSeq += 1;
      const id = `cs_test_${sessionSeq}`;
      return reply(200, {
        id,
        object: "checkout.session",
        url: `https://checkout.stripe.test/c/pay/${id}`,
        payment_intent: null,
        payment_status: "unpaid",
        status: "open",
        amount_total: Number(form.get("line_items[0][price_data][unit_amount]") ?? 0),
        currency: form.get("line_items[0][price_data][currency]"),
        expires_at: Number(form.get("expires_at") ?? Math.floor(Date.now() / 1000) + 1800),
        metadata: Object.fromEntries([...form].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v])),
      });
    }
    const expire = /^\/v1\/checkout\/sessions\/(\w+)\/expire$/.exec(path);
    if (expire && request.method === "POST") return reply(200, { id: expire[1], object: "checkout.session", status: "expired" });
    return reply(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${path})` } });
  });
  return listenOnLoopback(server, "stripe fake");
}

// vitest global setup: start the fake and hand its URL to the workers project (see vitest.config.ts).
export default async function setup(project: TestProject) {
  const fake = await startStripeFake();
  project.provide("stripeFakeUrl", fake.url);
  return () => fake.close();
}

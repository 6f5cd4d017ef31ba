// A local stand-in for Google's OAuth token endpoint and Calendar v3 API, for the workers tests (run in Node by
// vitest's global setup, like messaging-capture.ts). Accounts are independent, so test files share one server.
//
//   POST /token                                  authorization_code (code "code-<account>") and refresh_token grants
//   GET  /o/oauth2/v2/auth                       not served (the consent page is Google's; tests read the URL)
//   GET  /calendar/v3/users/me/calendarList      the account's calendars
//   POST /calendar/v3/freeBusy                   busy intervals + the account's events overlapping the window
//   POST|GET|PATCH|DELETE /calendar/v3/calendars/<id>/events[/<eventId>]
//   POST /calendar/v3/calendars/<id>/events/watch, POST /calendar/v3/channels/stop   push channels (recorded)
//   POST /v1.0/subscriptions, PATCH|DELETE /v1.0/subscriptions/<id>                   Graph subscriptions (recorded)
// Tokens: access "ya29.<account>.<n>" (only the newest is accepted; others answer 401), refresh "rt.<account>".
// Test control (JSON bodies):
//   POST /__test/accounts {account, calendars?}  creates an account (default: one primary calendar <account>@gmail.test)
//   POST /__test/accounts/<a>/busy {calendarId, start, end}
//   POST /__test/accounts/<a>/fail {path: substring, status, times, retryAfter?}   the next `times` matching API requests
//   POST /__test/accounts/<a>/expire             the current access token answers 401 from now on
//   POST /__test/accounts/<a>/revoke             refresh grants answer 400 invalid_grant
//   POST /__test/accounts/<a>/refresh-delay {ms} refresh grants wait before answering (to overlap two refreshes)
//   POST /__test/accounts/<a>/event {calendarId, event}  stores an event as Google would answer it (event.id)
//   GET  /__test/accounts/<a>                    {requests, events, refreshes, channels}
import { createServer, type Server } from "node:http";
import type { TestProject } from "vitest/node";
import { listenOnLoopback, readBody } from "./loopback-server";

declare module "vitest" {
  export interface ProvidedContext {
    googleFakeUrl: string;
  }
}

export const GOOGLE_FAKE_CLIENT = { client_id: "test-google-client-id", client_secret: "test-google-client-secret" };
export const MICROSOFT_FAKE_CLIENT = { client_id: "test-ms-client-id", client_secret: "test-ms-client-secret" };

interface FakeEvent {
  id: string;
  calendarId: string;
  body: Record<string, unknown>;
}

interface Channel {
  id: string;
  calendarId: string;
  resourceId: string | null;
  address: string;
  token: string;
  expiration: number;
  stopped: boolean;
}

interface Account {
  name: string;
  channels: Channel[];
  calendars: { id: string; summary: string; primary?: boolean; accessRole: string }[];
  busy: { calendarId: string; start: string; end: string; showAs?: string }[];
  events: Map<string, FakeEvent>;
  tokenSeq: number;
  currentToken: string | null;
  revoked: boolean;
  refreshDelayMs: number;
  refreshes: number;
  failures: { path: string; status: number; times: number; retryAfter?: number }[];
  requests: { method: string; path: string; authorization: string | null; body: unknown; answeredWith: number }[];
}

type Reply = (status: number, body?: unknown, headers?: Record<string, string>) => number;

/** Microsoft Graph v1.0 for the same accounts: /me/calendar(s), calendarView (offset-less UTC times), events. */
function serveGraph(
  account: Account,
  url: URL,
  method: string,
  body: unknown,
  reply: Reply,
  record: (status: number) => number,
  response: import("node:http").ServerResponse,
) {
  const path = url.pathname.slice("/v1.0".length);
  const graphCalendar = (calendar: Account["calendars"][number]) => ({
    id: calendar.id,
    name: calendar.summary,
    isDefaultCalendar: calendar.primary === true,
    canEdit: calendar.accessRole === "owner" || calendar.accessRole === "writer",
    owner: { address: `${account.name}@outlook.test` },
  });
  // Graph's form: no offset, seven fractional digits.
  const offsetless = (iso: string) => `${new Date(iso).toISOString().replace("Z", "")}0000`;
  if (path === "/me/calendar" && method === "GET") {
    const primary = account.calendars.find((calendar) => calendar.primary) ?? account.calendars[0]!;
    return reply(record(200), graphCalendar(primary));
  }
  if (path === "/me/calendars" && method === "GET") {
    // Two pages, to exercise @odata.nextLink.
    const page = Number(url.searchParams.get("page") ?? 0);
    const value = account.calendars.slice(page, page + 1).map(graphCalendar);
    const next = page + 1 < account.calendars.length ? `${url.origin}/v1.0/me/calendars?page=${page + 1}` : undefined;
    return reply(record(200), { value, ...(next ? { "@odata.nextLink": next } : {}) });
  }
  const view = /^\/me\/calendars\/([^/]+)\/calendarView$/.exec(path);
  if (view && method === "GET") {
    const id = decodeURIComponent(view[1]!);
    const min = Date.parse(url.searchParams.get("startDateTime") ?? "");
    const max = Date.parse(url.searchParams.get("endDateTime") ?? "");
    const value = [
      ...account.busy.filter((entry) => entry.calendarId === id).map((entry) => ({ showAs: entry.showAs ?? "busy", start: entry.start, end: entry.end })),
      ...[...account.events.values()]
        .filter((event) => event.calendarId === id)
        .map((event) => ({
          showAs: "busy",
          start: (event.body.start as { dateTime: string }).dateTime,
          end: (event.body.end as { dateTime: string }).dateTime,
        })),
    ]
      .filter((entry) => Date.parse(entry.start) < max && Date.parse(entry.end) > min)
      .map((entry) => ({
        showAs: entry.showAs,
        start: { dateTime: offsetless(entry.start), timeZone: "UTC" },
        end: { dateTime: offsetless(entry.end), timeZone: "UTC" },
      }));
    return reply(record(200), { value });
  }
  const create = /^\/me\/calendars\/([^/]+)\/events$/.exec(path);
  if (create && method === "POST") {
    const calendarId = decodeURIComponent(create[1]!);
    if (!account.calendars.some((calendar) => calendar.id === calendarId)) return reply(record(404), { error: { code: "ErrorItemNotFound" } });
    const input = body as Record<string, unknown>;
    // transactionId is Graph's idempotency key: the same one answers the event made before.
    const existing = [...account.events.values()].find((event) => event.body.transactionId !== undefined && event.body.transactionId === input.transactionId);
    const event = existing ?? { id: `AAMk${account.events.size + 1}x${Date.now()}`, calendarId, body: input };
    account.events.set(event.id, event);
    const joinUrl = event.body.isOnlineMeeting ? { onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${event.id}` } } : {};
    return reply(record(201), { ...event.body, id: event.id, ...joinUrl });
  }
  if (path === "/subscriptions" && method === "POST") {
    const input = body as { resource?: string; notificationUrl?: string; clientState?: string; expirationDateTime?: string; changeType?: string };
    const calendarId = /^me\/calendars\/(.+)\/events$/.exec(input.resource ?? "")?.[1];
    if (!calendarId || !account.calendars.some((calendar) => calendar.id === calendarId)) return reply(record(404), { error: { code: "ResourceNotFound" } });
    const channel = {
      id: `sub-${account.channels.length + 1}-${Date.now()}`,
      calendarId,
      resourceId: null,
      address: input.notificationUrl ?? "",
      token: input.clientState ?? "",
      expiration: Date.parse(input.expirationDateTime ?? ""),
      stopped: false,
    };
    account.channels.push(channel);
    return reply(record(201), { id: channel.id, resource: input.resource, changeType: input.changeType, expirationDateTime: input.expirationDateTime });
  }
  const subscription = /^\/subscriptions\/([^/]+)$/.exec(path);
  if (subscription) {
    const channel = account.channels.find((candidate) => candidate.id === decodeURIComponent(subscription[1]!) && !candidate.stopped);
    if (!channel) return reply(record(404), { error: { code: "ResourceNotFound" } });
    if (method === "PATCH") {
      channel.expiration = Date.parse((body as { expirationDateTime?: string }).expirationDateTime ?? "");
      return reply(record(200), { id: channel.id, expirationDateTime: new Date(channel.expiration).toISOString() });
    }
    if (method === "DELETE") {
      channel.stopped = true;
      record(204);
      response.writeHead(204);
      response.end();
      return 204;
    }
  }
  const one = /^\/me\/events\/([^/]+)$/.exec(path);
  if (one) {
    const event = account.events.get(decodeURIComponent(one[1]!));
    if (!event) return reply(record(404), { error: { code: "ErrorItemNotFound" } });
    if (method === "PATCH") {
      event.body = { ...event.body, ...(body as Record<string, unknown>) };
      return reply(record(200), { ...event.body, id: event.id });
    }
    if (method === "DELETE") {
      account.events.delete(event.id);
      record(204);
      response.writeHead(204);
      response.end();
      return 204;
    }
  }
  return reply(record(404), { error: { code: "NotFound" } });
}

export async function startGoogleFake(): Promise<{ url: string; close(): Promise<void> }> {
  const accounts = new Map<string, Account>();
  let eventSeq = 0;

  const issueToken = (account: Account) => {
    account.tokenSeq += 1;
    account.currentToken = `ya29.${account.name}.${account.tokenSeq}`;
    return account.currentToken;
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "google-fake"}`);
    const raw = await readBody(request);
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
      return status;
    };
    const json = () => {
      try {
        return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };

    // --- test control ---
    if (url.pathname === "/__test/accounts" && request.method === "POST") {
      const body = json() as { account: string; calendars?: Account["calendars"] };
      const calendars = body.calendars ?? [{ id: `${body.account}@gmail.test`, summary: `${body.account}@gmail.test`, primary: true, accessRole: "owner" }];
      accounts.set(body.account, {
        name: body.account,
        channels: [],
        calendars,
        busy: [],
        events: new Map(),
        tokenSeq: 0,
        currentToken: null,
        revoked: false,
        refreshDelayMs: 0,
        refreshes: 0,
        failures: [],
        requests: [],
      });
      return reply(201, { account: body.account, calendars });
    }
    const control = /^\/__test\/accounts\/([\w.-]+)(?:\/([\w-]+))?$/.exec(url.pathname);
    if (control) {
      const account = accounts.get(control[1]!);
      if (!account) return reply(404, { error: "no such account" });
      const action = control[2];
      const body = json();
      if (!action && request.method === "GET") {
        return reply(200, {
          requests: account.requests,
          events: [...account.events.values()],
          refreshes: account.refreshes,
          currentToken: account.currentToken,
          channels: account.channels,
        });
      }
      if (action === "busy") account.busy.push(body as Account["busy"][number]);
      else if (action === "fail") account.failures.push(body as unknown as Account["failures"][number]);
      else if (action === "expire") account.currentToken = `expired-${account.tokenSeq}`;
      else if (action === "revoke") account.revoked = true;
      else if (action === "refresh-delay") account.refreshDelayMs = Number(body.ms ?? 0);
      else if (action === "event") {
        const event = body.event as Record<string, unknown>;
        account.events.set(String(event.id), { id: String(event.id), calendarId: String(body.calendarId), body: event });
      } else return reply(404, { error: "unknown action" });
      return reply(204);
    }

    // --- OAuth token endpoint ---
    const microsoftToken = url.pathname === "/common/oauth2/v2.0/token";
    if ((url.pathname === "/token" || microsoftToken) && request.method === "POST") {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const client = microsoftToken ? MICROSOFT_FAKE_CLIENT : GOOGLE_FAKE_CLIENT;
      if (form.client_id !== client.client_id || form.client_secret !== client.client_secret) {
        return reply(401, { error: "invalid_client" });
      }
      if (form.grant_type === "authorization_code") {
        const account = accounts.get(String(form.code ?? "").replace(/^code-/, ""));
        if (!account) return reply(400, { error: "invalid_grant", error_description: "Bad Request" });
        account.requests.push({ method: "POST", path: "/token", authorization: null, body: form, answeredWith: 200 });
        return reply(200, {
          access_token: issueToken(account),
          expires_in: 3599,
          refresh_token: `rt.${account.name}`,
          scope: "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/calendar.events",
          token_type: "Bearer",
        });
      }
      if (form.grant_type === "refresh_token") {
        const account = accounts.get(String(form.refresh_token ?? "").replace(/^rt\./, ""));
        if (!account || account.revoked) {
          account?.requests.push({ method: "POST", path: "/token", authorization: null, body: form, answeredWith: 400 });
          return reply(400, { error: "invalid_grant", error_description: "Token has been expired or revoked." });
        }
        account.refreshes += 1;
        if (account.refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, account.refreshDelayMs));
        account.requests.push({ method: "POST", path: "/token", authorization: null, body: form, answeredWith: 200 });
        // Microsoft rotates the refresh token on every refresh; Google does not return one.
        return reply(200, {
          access_token: issueToken(account),
          expires_in: 3599,
          scope: "calendar",
          token_type: "Bearer",
          ...(microsoftToken ? { refresh_token: `rt.${account.name}` } : {}),
        });
      }
      return reply(400, { error: "unsupported_grant_type" });
    }

    // --- Calendar v3 ---
    const graph = url.pathname.startsWith("/v1.0/");
    if (!url.pathname.startsWith("/calendar/v3/") && !graph) return reply(404, { error: "unknown path" });
    const authorization = request.headers.authorization ?? null;
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1] ?? "";
    const account = accounts.get(token.split(".")[1] ?? "");
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // kept as text
    }
    const record = (status: number) => {
      account?.requests.push({ method: request.method ?? "", path: url.pathname + url.search, authorization, body, answeredWith: status });
      return status;
    };
    if (!account || token !== account.currentToken) {
      record(401);
      return reply(401, { error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" } });
    }
    const failure = account.failures.find((candidate) => candidate.times > 0 && (url.pathname + url.search).includes(candidate.path));
    if (failure) {
      failure.times -= 1;
      record(failure.status);
      const reason = failure.status === 429 ? "rateLimitExceeded" : "backendError";
      return reply(
        failure.status,
        { error: { code: failure.status, errors: [{ reason }] } },
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {},
      );
    }
    if (graph) return serveGraph(account, url, request.method ?? "GET", body, reply, record, response);
    const path = url.pathname.slice("/calendar/v3".length);
    if (path === "/users/me/calendarList" && request.method === "GET") {
      return reply(record(200), { kind: "calendar#calendarList", items: account.calendars });
    }
    if (path === "/freeBusy" && request.method === "POST") {
      const query = body as { timeMin: string; timeMax: string; items: { id: string }[] };
      const min = Date.parse(query.timeMin);
      const max = Date.parse(query.timeMax);
      const calendars: Record<string, unknown> = {};
      for (const { id } of query.items) {
        if (!account.calendars.some((calendar) => calendar.id === id)) {
          calendars[id] = { errors: [{ domain: "global", reason: "notFound" }], busy: [] };
          continue;
        }
        const intervals = [
          ...account.busy.filter((entry) => entry.calendarId === id),
          ...[...account.events.values()]
            .filter((event) => event.calendarId === id)
            .map((event) => ({
              start: (event.body.start as { dateTime: string }).dateTime,
              end: (event.body.end as { dateTime: string }).dateTime,
            })),
        ].filter((entry) => Date.parse(entry.start) < max && Date.parse(entry.end) > min);
        calendars[id] = { busy: intervals.map((entry) => ({ start: new Date(entry.start).toISOString(), end: new Date(entry.end).toISOString() })) };
      }
      return reply(record(200), { kind: "calendar#freeBusy", timeMin: query.timeMin, timeMax: query.timeMax, calendars });
    }
    const watch = /^\/calendars\/([^/]+)\/events\/watch$/.exec(path);
    if (watch && request.method === "POST") {
      const calendarId = decodeURIComponent(watch[1]!);
      if (!account.calendars.some((calendar) => calendar.id === calendarId)) return reply(record(404), { error: { code: 404, message: "Not Found" } });
      const input = body as { id?: string; type?: string; address?: string; token?: string; expiration?: string };
      if (!input.id || input.type !== "web_hook" || !input.address) return reply(record(400), { error: { code: 400, message: "Bad Request" } });
      const channel = {
        id: input.id,
        calendarId,
        resourceId: `res-${calendarId}`,
        address: input.address,
        token: input.token ?? "",
        expiration: Number(input.expiration),
        stopped: false,
      };
      account.channels.push(channel);
      return reply(record(200), {
        kind: "api#channel",
        id: channel.id,
        resourceId: channel.resourceId,
        resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`,
        expiration: String(channel.expiration),
      });
    }
    if (path === "/channels/stop" && request.method === "POST") {
      const input = body as { id?: string; resourceId?: string };
      const channel = account.channels.find((candidate) => candidate.id === input.id && candidate.resourceId === input.resourceId && !candidate.stopped);
      if (!channel) return reply(record(404), { error: { code: 404, message: "Channel not found" } });
      channel.stopped = true;
      record(204);
      response.writeHead(204);
      response.end();
      return;
    }
    const events = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (events) {
      const calendarId = decodeURIComponent(events[1]!);
      const calendar = account.calendars.find((candidate) => candidate.id === calendarId || (calendarId === "primary" && candidate.primary));
      if (!calendar) return reply(record(404), { error: { code: 404, message: "Not Found" } });
      const eventId = events[2] ? decodeURIComponent(events[2]) : undefined;
      const withConference = (event: FakeEvent) => {
        const request = (event.body.conferenceData as { createRequest?: unknown } | undefined)?.createRequest;
        if (!request || url.searchParams.get("conferenceDataVersion") !== "1") return { ...event.body, id: event.id };
        const link = `https://meet.google.com/${event.id.slice(0, 3)}-${event.id.slice(3, 7)}-${event.id.slice(7, 10)}`;
        return {
          ...event.body,
          id: event.id,
          hangoutLink: link,
          conferenceData: { conferenceId: event.id.slice(0, 10), entryPoints: [{ entryPointType: "video", uri: link }] },
        };
      };
      if (!eventId && request.method === "POST") {
        const input = body as Record<string, unknown>;
        const id = typeof input.id === "string" ? input.id : `evt${++eventSeq}x${Date.now()}`;
        if (account.events.has(id)) return reply(record(409), { error: { code: 409, message: "The requested identifier already exists." } });
        const event = { id, calendarId: calendar.id, body: input };
        account.events.set(id, event);
        return reply(record(200), withConference(event));
      }
      const event = eventId ? account.events.get(eventId) : undefined;
      if (!event || event.calendarId !== calendar.id) return reply(record(eventId ? 404 : 405), { error: { code: 404, message: "Not Found" } });
      if (request.method === "GET") return reply(record(200), withConference(event));
      if (request.method === "PATCH") {
        event.body = { ...event.body, ...(body as Record<string, unknown>) };
        return reply(record(200), withConference(event));
      }
      if (request.method === "DELETE") {
        account.events.delete(event.id);
        record(204);
        response.writeHead(204);
        response.end();
        return;
      }
    }
    return reply(record(404), { error: { code: 404, message: "Not Found" } });
  });
  return listenOnLoopback(server, "google fake");
}

// vitest global setup: start the fake and hand its URL to the workers project (see vitest.config.ts).
export default async function setup(project: TestProject) {
  const fake = await startGoogleFake();
  project.provide("googleFakeUrl", fake.url);
  return () => fake.close();
}

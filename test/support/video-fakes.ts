// Local stand-ins for the video providers, for the workers tests (run in Node by vitest's global setup, like
// messaging-capture.ts): Zoom's OAuth and REST API, Daily's REST API and Microsoft's token endpoint and Graph /me.
// They check what the Worker sends (Basic/Bearer auth, bodies) and record every request; what they answer is chosen
// by the test through the values it controls (the OAuth `code`, hence the tokens, and Daily room properties):
//
//   POST /zoom/oauth/oauth/token?grant_type=authorization_code&code=C   Basic test-zoom-client:test-zoom-secret
//        C = "bad-…" → 400 {error: invalid_grant}; "down-…" → 503; C containing "stale" → tokens issued already expired;
//        else 200 {access_token: zat-C-1, refresh_token: zrt-C, expires_in: 3600}
//   POST /zoom/oauth/oauth/token?grant_type=refresh_token&refresh_token=zrt-C
//        C containing "revoked" → 400 {error: invalid_grant}; else a new access token zat-C-<n> (and the same refresh token)
//   POST /zoom/api/users/me/meetings, PATCH|DELETE /zoom/api/meetings/<id>   Bearer a live zat-… token, else 401 (code 124)
//   POST /daily/rooms, POST /daily/meeting-tokens, DELETE /daily/rooms/<name>   Bearer test-daily-key, else 401;
//        a room whose properties carry `"fail": 503` (tests only) is answered 503
//   POST /msteams/oauth2/v2.0/token (form), GET /msteams/graph/v1.0/me
//   GET  /received?contains=X → {requests: [{method, path, headers, body, answeredWith}]} whose path, auth or body contain X
import { createServer, type Server } from "node:http";
import type { TestProject } from "vitest/node";
import { listenOnLoopback, readBody } from "./loopback-server";

declare module "vitest" {
  export interface ProvidedContext {
    videoFakesUrl: string;
  }
}

export const ZOOM_TEST_CLIENT = { id: "test-zoom-client", secret: "test-zoom-secret" };
export const MSTEAMS_TEST_CLIENT = { id: "test-msteams-client", secret: "test-msteams-secret" };
export const DAILY_TEST_KEY = "test-daily-key";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  answeredWith: number;
}

const basic = (client: { id: string; secret: string }) => `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`;

export async function startVideoFakes(): Promise<{ url: string; close(): Promise<void> }> {
  const recorded: RecordedRequest[] = [];
  /** Live Zoom access tokens → expiry (ms). */
  const zoomTokens = new Map<string, number>();
  const zoomRefreshCount = new Map<string, number>();
  let meetingSeq = 880000000;
  let roomSeq = 0;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fakes");
    const body = await readBody(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    const entry: RecordedRequest = { method: request.method ?? "GET", path: url.pathname + url.search, headers, body, answeredWith: 0 };
    const reply = (status: number, payload?: unknown) => {
      entry.answeredWith = status;
      if (!url.pathname.startsWith("/received")) recorded.push(entry);
      response.writeHead(status, payload === undefined ? {} : { "content-type": "application/json" });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const path = url.pathname;
    const auth = headers.authorization ?? "";

    if (path === "/received" && request.method === "GET") {
      const needle = url.searchParams.get("contains") ?? "";
      const requests = recorded.filter((r) => r.path.includes(needle) || (r.headers.authorization ?? "").includes(needle) || r.body.includes(needle));
      response.writeHead(200, { "content-type": "application/json" });
      return response.end(JSON.stringify({ requests }));
    }

    // Zoom OAuth
    if (path === "/zoom/oauth/oauth/token" && request.method === "POST") {
      if (auth !== basic(ZOOM_TEST_CLIENT)) return reply(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" });
      const grant = url.searchParams.get("grant_type");
      if (grant === "authorization_code") {
        const code = url.searchParams.get("code") ?? "";
        if (!url.searchParams.get("redirect_uri")) return reply(400, { reason: "Redirect URI mismatch", error: "invalid_request" });
        if (code.startsWith("bad-")) return reply(400, { reason: "Invalid authorization code", error: "invalid_grant" });
        if (code.startsWith("down-")) return reply(503, { error: "unavailable" });
        const token = `zat-${code}-1`;
        const expiresIn = code.includes("stale") ? -60 : 3600;
        zoomTokens.set(token, Date.now() + expiresIn * 1000);
        return reply(200, { access_token: token, token_type: "bearer", refresh_token: `zrt-${code}`, expires_in: expiresIn, scope: "meeting:write" });
      }
      if (grant === "refresh_token") {
        const refresh = url.searchParams.get("refresh_token") ?? "";
        const code = refresh.replace(/^zrt-/, "");
        if (!refresh.startsWith("zrt-") || code.includes("revoked")) return reply(400, { reason: "Invalid Token!", error: "invalid_grant" });
        const n = (zoomRefreshCount.get(code) ?? 1) + 1;
        zoomRefreshCount.set(code, n);
        const token = `zat-${code}-${n}`;
        zoomTokens.set(token, Date.now() + 3600_000);
        return reply(200, { access_token: token, token_type: "bearer", refresh_token: refresh, expires_in: 3600, scope: "meeting:write" });
      }
      return reply(400, { error: "unsupported_grant_type" });
    }

    // Zoom REST
    if (path.startsWith("/zoom/api/")) {
      const token = auth.replace(/^Bearer /, "");
      const expiry = zoomTokens.get(token);
      if (!expiry || expiry < Date.now()) return reply(401, { code: 124, message: "Invalid access token." });
      if (path === "/zoom/api/users/me/meetings" && request.method === "POST") {
        const input = JSON.parse(body || "{}") as { topic?: string };
        if (String(input.topic ?? "").includes("zoom-5xx")) return reply(502, { message: "upstream" });
        meetingSeq += 1;
        return reply(201, { id: meetingSeq, join_url: `https://zoom.example.com/j/${meetingSeq}`, password: "zpw", topic: input.topic });
      }
      const meeting = /^\/zoom\/api\/meetings\/(\d+)$/.exec(path);
      if (meeting && (request.method === "PATCH" || request.method === "DELETE")) return reply(204);
      return reply(404, { code: 3001, message: "Meeting does not exist" });
    }

    // Daily
    if (path.startsWith("/daily/")) {
      if (auth !== `Bearer ${DAILY_TEST_KEY}`) return reply(401, { error: "authentication-error", info: "bad key" });
      if (path === "/daily/rooms" && request.method === "POST") {
        const input = JSON.parse(body || "{}") as { name?: string; properties?: Record<string, unknown> };
        if (input.properties?.fail) return reply(Number(input.properties.fail), { error: "server-error" });
        roomSeq += 1;
        const name = input.name ?? `room-${roomSeq}`;
        return reply(200, { id: `r${roomSeq}`, name, url: `https://cal.daily.example.com/${name}`, privacy: "public", config: input.properties ?? {} });
      }
      if (path === "/daily/meeting-tokens" && request.method === "POST") return reply(200, { token: `daily-owner-token-${roomSeq}` });
      const room = /^\/daily\/rooms\/([\w-]+)$/.exec(path);
      if (room && request.method === "DELETE") return reply(200, { deleted: true, name: room[1] });
      if (room && request.method === "POST") return reply(200, { name: room[1], url: `https://cal.daily.example.com/${room[1]}` });
      return reply(404, { error: "not-found" });
    }

    // Microsoft
    if (path === "/msteams/oauth2/v2.0/token" && request.method === "POST") {
      const form = new URLSearchParams(body);
      if (form.get("client_id") !== MSTEAMS_TEST_CLIENT.id || form.get("client_secret") !== MSTEAMS_TEST_CLIENT.secret)
        return reply(401, { error: "invalid_client" });
      const code = form.get("code") ?? form.get("refresh_token") ?? "";
      if (code.startsWith("bad-")) return reply(400, { error: "invalid_grant" });
      return reply(200, {
        access_token: `mat-${code}`,
        refresh_token: `mrt-${code}`,
        expires_in: 3600,
        token_type: "Bearer",
        scope: "OnlineMeetings.ReadWrite",
      });
    }
    if (path === "/msteams/graph/v1.0/me" && request.method === "GET") {
      if (!auth.startsWith("Bearer mat-")) return reply(401, { error: { code: "InvalidAuthenticationToken" } });
      return reply(200, { id: "ms-user", mail: "teams.user@example.com", userPrincipalName: "teams.user@example.com" });
    }
    return reply(404, { error: "unknown path" });
  });
  return listenOnLoopback(server, "video fakes");
}

// vitest global setup: start the fakes and hand their URL to the workers project (see vitest.config.ts).
export default async function setup(project: TestProject) {
  const fakes = await startVideoFakes();
  project.provide("videoFakesUrl", fakes.url);
  return () => fakes.close();
}

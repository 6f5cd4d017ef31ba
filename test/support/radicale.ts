// A real CalDAV server for the calendars tests: Radicale (Debian's `radicale`, 3.1.x) on loopback with plain
// htpasswd auth and a temporary storage folder, started by vitest's global setup. Radicale answers HTTP/1.0,
// on which workerd's fetch drops every other request ("Network connection lost."), so a small node:http
// HTTP/1.1 reverse proxy sits in front of it; the Worker only ever sees the proxy's URL (APPLE_CALDAV_URL).
//
// The proxy also offers what tests cannot do from inside workerd:
//   POST /__test/users  {username, password}      adds a Radicale user (htpasswd is re-read on every login)
//   any request with `x-test-method: MKCALENDAR`   is forwarded as MKCALENDAR (workerd refuses that method)
//   PUT  /__test/feeds/<name>.ics                  stores an ICS feed body; GET serves it (text/calendar),
//   GET  /__test/feeds/<name>.ics?status=S         answers S instead; ?redirect=URL answers 302 to URL
//   POST /__test/outage  {username, down}           while down, every request authenticated as that user has its
//                                                  connection dropped (the server is unreachable for that account)
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { readBodyBytes } from "./loopback-server";

declare module "vitest" {
  export interface ProvidedContext {
    radicaleUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForRadicale(port: number, child: ChildProcess) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`radicale exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/.web/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("radicale did not start");
}

export async function startRadicale(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "radicale-"));
  const htpasswd = join(dir, "users");
  writeFileSync(htpasswd, "");
  const radicalePort = await freePort();
  const config = join(dir, "config");
  writeFileSync(
    config,
    [
      "[server]",
      `hosts = 127.0.0.1:${radicalePort}`,
      "[auth]",
      "type = htpasswd",
      `htpasswd_filename = ${htpasswd}`,
      "htpasswd_encryption = plain",
      "delay = 0",
      "[rights]",
      "type = owner_only",
      "[storage]",
      `filesystem_folder = ${join(dir, "collections")}`,
      "[logging]",
      "level = warning",
      "",
    ].join("\n"),
  );
  const child = spawn("radicale", ["--config", config], { stdio: "ignore" });
  await waitForRadicale(radicalePort, child);

  const feeds = new Map<string, string>();
  const down = new Set<string>();
  const basicUser = (authorization: string | undefined) =>
    authorization?.startsWith("Basic ") ? Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":")[0] : undefined;
  const proxy: Server = createServer(async (request, response) => {
    const body = await readBodyBytes(request);
    const url = new URL(request.url ?? "/", "http://proxy");
    if (url.pathname === "/__test/outage" && request.method === "POST") {
      const { username, down: isDown } = JSON.parse(body.toString("utf8")) as { username: string; down: boolean };
      if (isDown) down.add(username);
      else down.delete(username);
      response.writeHead(204).end();
      return;
    }
    const user = basicUser(request.headers.authorization);
    if (user !== undefined && down.has(user)) {
      request.socket.destroy();
      return;
    }
    if (url.pathname === "/__test/users" && request.method === "POST") {
      const { username, password } = JSON.parse(body.toString("utf8")) as { username: string; password: string };
      appendFileSync(htpasswd, `${username}:${password}\n`);
      response.writeHead(201).end();
      return;
    }
    if (url.pathname.startsWith("/__test/feeds/")) {
      const name = url.pathname.slice("/__test/feeds/".length);
      if (request.method === "PUT") {
        feeds.set(name, body.toString("utf8"));
        response.writeHead(201).end();
        return;
      }
      const redirect = url.searchParams.get("redirect");
      if (redirect) {
        response.writeHead(302, { location: redirect }).end();
        return;
      }
      const status = Number(url.searchParams.get("status") ?? 200);
      const feed = feeds.get(name);
      if (status !== 200 || feed === undefined) response.writeHead(feed === undefined ? 404 : status).end("no feed");
      else response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" }).end(feed);
      return;
    }
    const method = String(request.headers["x-test-method"] ?? request.method);
    const headers: Record<string, string | string[] | undefined> = {
      ...request.headers,
      host: `127.0.0.1:${radicalePort}`,
      "content-length": String(body.length),
    };
    delete headers["x-test-method"];
    delete headers["transfer-encoding"];
    const upstream = httpRequest({ host: "127.0.0.1", port: radicalePort, method, path: request.url, headers }, (answer) => {
      // Radicale's absolute Location headers name its own port: point them back at the proxy.
      const location = answer.headers.location?.replace(`127.0.0.1:${radicalePort}`, request.headers.host ?? "");
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...(location ? { location } : {}), connection: "keep-alive" });
      answer.pipe(response);
    });
    upstream.on("error", () => response.writeHead(502).end());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (!address || typeof address === "string") throw new Error("radicale proxy did not bind");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// vitest global setup: start Radicale and its proxy and hand the URL to the workers project (vitest.config.ts).
export default async function setup(project: TestProject) {
  const radicale = await startRadicale();
  project.provide("radicaleUrl", radicale.url);
  return () => radicale.close();
}

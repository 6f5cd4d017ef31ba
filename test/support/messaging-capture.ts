// A local stand-in for the message providers, for the workers tests (run in Node by vitest's global setup, like
// webhook-receiver.ts): an HTTP mail API and Twilio's Messages endpoint, recording what the Worker sends.
//
//   POST /email/<mailbox>[?failTimes=N][&status=S]                       JSON {from, to, subject, html, text}
//   POST /twilio/<mailbox>/2010-04-01/Accounts/<sid>/Messages.json[?…]   form To, From, Body (Basic auth)
//       records the request, then answers S (default 500) for the first N requests, else 200 with an id.
//   POST /twilio-verify/<mailbox>/v2/Services/<sid>/Verifications        form To, Channel: a new 6-digit code for To,
//       recorded (body.Code) → 201 {sid, status: "pending"}; To "+15005550001" is refused (400, Twilio's 60200)
//   POST /twilio-verify/<mailbox>/v2/Services/<sid>/VerificationCheck    form To, Code → 200 {status: "approved"} for the
//       pending code (which is then used up), {status: "pending"} for another; 404 (20404) without a pending one
//   GET  /received/<mailbox>   → {messages: [{provider, headers, body, answeredWith}]}
import { createServer, type Server } from "node:http";
import type { TestProject } from "vitest/node";
import { listenOnLoopback, readBody } from "./loopback-server";

declare module "vitest" {
  export interface ProvidedContext {
    messagingCaptureUrl: string;
  }
}

export interface CapturedMessage {
  provider: "email" | "twilio" | "twilio-verify";
  path: string;
  headers: Record<string, string>;
  /** The JSON body (email) or the form fields (Twilio). */
  body: Record<string, unknown>;
  answeredWith: number;
}

export async function startMessagingCapture(): Promise<{ url: string; close(): Promise<void> }> {
  const mailboxes = new Map<string, CapturedMessage[]>();
  // Twilio Verify: the pending code of each phone number.
  const pendingCodes = new Map<string, string>();
  let sequence = 0;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://capture");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const received = /^\/received\/([\w.-]+)$/.exec(url.pathname);
    if (received && request.method === "GET") return reply(200, { messages: mailboxes.get(received[1]!) ?? [] });
    const verify = /^\/twilio-verify\/([\w.-]+)\/v2\/Services\/[^/]+\/(Verifications|VerificationCheck)$/.exec(url.pathname);
    if (verify && request.method === "POST") {
      const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
      const log = mailboxes.get(verify[1]!) ?? [];
      mailboxes.set(verify[1]!, log);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
      const to = form.To ?? "";
      if (verify[2] === "Verifications") {
        if (to === "+15005550001") {
          log.push({ provider: "twilio-verify", path: url.pathname, headers, body: form, answeredWith: 400 });
          return reply(400, { code: 60200, message: "Invalid parameter `To`", status: 400 });
        }
        const code = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
        pendingCodes.set(to, code);
        log.push({ provider: "twilio-verify", path: url.pathname, headers, body: { ...form, Code: code }, answeredWith: 201 });
        return reply(201, { sid: `VE${process.pid}${Date.now()}`, to, channel: form.Channel, status: "pending" });
      }
      const pending = pendingCodes.get(to);
      const answeredWith = pending ? 200 : 404;
      log.push({ provider: "twilio-verify", path: url.pathname, headers, body: form, answeredWith });
      if (!pending) return reply(404, { code: 20404, message: "The requested resource was not found", status: 404 });
      const approved = form.Code === pending;
      if (approved) pendingCodes.delete(to);
      return reply(200, { to, status: approved ? "approved" : "pending", valid: approved });
    }
    const email = /^\/email\/([\w.-]+)$/.exec(url.pathname);
    const twilio = /^\/twilio\/([\w.-]+)\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.exec(url.pathname);
    const mailbox = email?.[1] ?? twilio?.[1];
    if (!mailbox || request.method !== "POST") return reply(404, { error: "unknown path" });

    const raw = await readBody(request);
    let body: Record<string, unknown>;
    try {
      body = email ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
    } catch {
      body = { unparsed: raw };
    }
    const log = mailboxes.get(mailbox) ?? [];
    mailboxes.set(mailbox, log);
    const failing = log.length < Number(url.searchParams.get("failTimes") ?? 0);
    const answeredWith = failing ? Number(url.searchParams.get("status") ?? 500) : 200;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    log.push({ provider: email ? "email" : "twilio", path: url.pathname + url.search, headers, body, answeredWith });
    if (failing) return reply(answeredWith, { message: "provider unavailable (test)" });
    sequence += 1;
    return reply(200, email ? { id: `email-${process.pid}-${Date.now()}-${sequence}` } : { sid: `SM${process.pid}${Date.now()}${sequence}` });
  });
  return listenOnLoopback(server, "messaging capture");
}

// vitest global setup: start the capture and hand its URL to the workers project (see vitest.config.ts).
export default async function setup(project: TestProject) {
  const capture = await startMessagingCapture();
  project.provide("messagingCaptureUrl", capture.url);
  return () => capture.close();
}

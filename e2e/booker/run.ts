// Drives Cal.com's real Booker (@calcom/atoms 2.11.0, built by vite.config.ts) in Debian's Chromium against the
// API served the way `npm run dev` serves it (its Postgres choice, migrations, the local Neon stand-in, wrangler dev).
// Steps: load event → show slots → reserve → book → reschedule → cancel. Each step gets a screenshot in out/;
// the run stops at the first step that fails and says which one, and out/network.json holds every API call.
//
//   cd e2e/booker && npm install && npm run e2e        (env: CHROMIUM=/usr/bin/chromium, E2E_MODE=anonymous|token)
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page, type Request } from "playwright-core";
import { devDatabase } from "../../scripts/lib/dev-database.ts";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { startNeonLocal } from "../../scripts/lib/neon-local.ts";
import { seedManagedUserWithAccessToken } from "../../scripts/lib/platform-seed.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const outDir = path.join(here, "out");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// "anonymous": the embedded Booker books without a token (the common partner case). "token": CalProvider gets the
// managed user's access token too, so the atoms also call /provider/…/access-token, /me and /calendars.
const MODE = (process.env.E2E_MODE ?? "anonymous") as "anonymous" | "token";
const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 30_000);
const JWT_SIGNING_KEYS = "e2e:e2e-booker-signing-secret-not-for-production-use";
const EVENT = { title: "Intro call", slug: "intro-call", lengthInMinutes: 30 };

const cleanups: Array<() => Promise<unknown> | unknown> = [];
const log = (line: string) => console.log(`[e2e] ${line}`);

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// The API as `npm run dev` runs it (scripts/dev.ts), on free ports, without Redis (in-memory rate limiter).
async function startApi(pageOrigin: string) {
  // The database as `npm run dev` picks it (scripts/lib/dev-database.ts): a local Postgres gets a throwaway database.
  const database = await devDatabase({
    name: `cal_edge_e2e_${process.pid}`,
    dropOnClose: true,
    embedded: async () => {
      const { startPrismaDevServer } = await import("@prisma/dev");
      // Free ports, so a running `npm run dev` (Prisma's default ports) is not in the way.
      const db = await startPrismaDevServer({
        name: `cal-edge-e2e-${process.pid}`,
        persistenceMode: "stateless",
        port: await freePort(),
        databasePort: await freePort(),
        shadowDatabasePort: await freePort(),
        streamsPort: await freePort(),
      });
      return { url: db.database.connectionString, close: () => db.close() };
    },
  });
  cleanups.push(database.close);
  const databaseUrl = database.url;
  log(`Postgres: ${database.kind} on ${new URL(databaseUrl).host}`);
  for (const name of await applyMigrations(databaseUrl)) log(`migration applied: ${name}`);
  // The OAuth client accepts the page's origin, as a partner registers its site's.
  const seeded = await seedManagedUserWithAccessToken(databaseUrl, { signingKeys: JWT_SIGNING_KEYS, redirectUris: [pageOrigin] });
  const proxy = await startNeonLocal();
  cleanups.push(() => proxy.close());

  const port = await freePort();
  const vars: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    NEON_WS_PROXY: `127.0.0.1:${proxy.port}`,
    ENVIRONMENT: "development",
    JWT_SIGNING_KEYS,
    RATE_LIMIT_IP: "100000",
    RATE_LIMIT_ACCESS_TOKEN: "100000",
  };
  const args = ["wrangler", "dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(await freePort()), "--show-interactive-dev-session=false"];
  for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
  const wrangler = spawn("npx", args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const apiLog: string[] = [];
  wrangler.stdout!.on("data", (chunk) => apiLog.push(String(chunk)));
  wrangler.stderr!.on("data", (chunk) => apiLog.push(String(chunk)));
  cleanups.push(() => {
    writeFileSync(path.join(outDir, "api.log"), apiLog.join(""));
    if (wrangler.exitCode === null) process.kill(-wrangler.pid!, "SIGTERM");
  });
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${apiUrl}/health`, 120_000, wrangler);
  log(`API (wrangler dev) on ${apiUrl}`);
  return { apiUrl, seeded };
}

async function call(apiUrl: string, method: string, route: string, token: string, body?: unknown, version?: string) {
  const res = await fetch(`${apiUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(version ? { "cal-api-version": version } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

// The host: the seeded managed user, with a default schedule (Mon-Fri 09:00-17:00) and a 30-minute event type.
async function seedHost(apiUrl: string, accessToken: string) {
  const me = await call(apiUrl, "GET", "/v2/me", accessToken);
  await call(apiUrl, "POST", "/v2/schedules", accessToken, { name: "Working hours", timeZone: "Europe/London", isDefault: true }, "2024-06-11");
  const eventType = await call(apiUrl, "POST", "/v2/event-types", accessToken, EVENT, "2024-06-14");
  log(`host ${me.username} (user ${me.id}), event type ${eventType.id} "${EVENT.slug}"`);
  return { username: me.username as string, userId: me.id as number, eventTypeId: eventType.id as number };
}

// Serves the built page, and the partner's refresh endpoint the atoms call on a 498.
async function startPage(port: number, accessToken: string): Promise<Server> {
  const dist = path.join(here, "dist");
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    if (url.pathname === "/refresh") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ accessToken }));
    }
    const file = path.join(dist, url.pathname === "/" ? "index.html" : path.normalize(url.pathname));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : file.endsWith(".html") ? "text/html" : "application/octet-stream";
    res.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return server;
}

interface NetworkEntry {
  step: string;
  method: string;
  url: string;
  version: string | null;
  auth: string | null;
  body?: string;
  status?: number;
  response?: string;
  failure?: string;
}

interface StepResult {
  step: string;
  ok: boolean;
  detail: string;
  screenshot: string;
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(path.join(here, "dist/index.html"))) throw new Error("the page is not built: run `npm run build` in e2e/booker first");
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM)`);

  const pagePort = await freePort();
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const { apiUrl, seeded } = await startApi(pageOrigin);
  const host = await seedHost(apiUrl, seeded.accessToken);
  await startPage(pagePort, seeded.accessToken);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  cleanups.push(() => browser.close());
  // With a token, a browser zone other than the user's makes the atoms PATCH /v2/me {timeZone}, as in the field.
  const timezoneId = process.env.E2E_TIMEZONE ?? (MODE === "token" ? "America/New_York" : "Europe/London");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId, locale: "en-GB" });
  const page = await context.newPage();

  let currentStep = "start";
  const network: NetworkEntry[] = [];
  const pageErrors: string[] = [];
  const entries = new Map<Request, NetworkEntry>();
  page.on("request", (request) => {
    if (!request.url().startsWith(apiUrl)) return;
    const headers = request.headers();
    const entry: NetworkEntry = {
      step: currentStep,
      method: request.method(),
      url: request.url().slice(apiUrl.length),
      version: headers["cal-api-version"] ?? null,
      auth: headers.authorization ? headers.authorization.slice(0, 16) + "…" : null,
      ...(request.postData() ? { body: request.postData()! } : {}),
    };
    entries.set(request, entry);
    network.push(entry);
  });
  page.on("response", async (response) => {
    const entry = entries.get(response.request());
    if (!entry) return;
    entry.status = response.status();
    entry.response = (await response.text().catch(() => "")).slice(0, 600);
  });
  // Other resources the page could not load (the machine may have no internet: avatars, translations…).
  const otherFailures = new Set<string>();
  page.on("requestfailed", (request) => {
    const entry = entries.get(request);
    if (entry) entry.failure = request.failure()?.errorText ?? "failed";
    else otherFailures.add(`${request.failure()?.errorText ?? "failed"} ${request.url().slice(0, 200)}`);
  });
  page.on("response", (response) => {
    if (!response.url().startsWith(apiUrl) && response.status() >= 400) otherFailures.add(`${response.status()} ${response.url().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => pageErrors.push(`[${currentStep}] ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`[${currentStep}] console: ${message.text().slice(0, 500)}`);
  });

  const pageUrl = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({
      apiUrl: `${apiUrl}/v2`,
      clientId: seeded.clientId,
      username: host.username,
      eventSlug: EVENT.slug,
      refreshUrl: `${pageOrigin}/refresh`,
      ...(MODE === "token" ? { accessToken: seeded.accessToken } : {}),
      ...extra,
    });
    return `${pageOrigin}/?${query}`;
  };
  const reports = (event: string) => page.evaluate((name) => ((window as any).__bookerReports ?? []).filter((r: any) => r.event === name), event);
  const waitForReport = async (event: string, failure: string) => {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const [found] = await reports(event);
      if (found) return found.data;
      const [failed] = await reports(failure);
      if (failed) throw new Error(`${failure}: ${JSON.stringify(failed.data).slice(0, 500)}`);
      await page.waitForTimeout(250);
    }
    throw new Error(`no ${event} within ${STEP_TIMEOUT_MS} ms`);
  };

  const results: StepResult[] = [];
  let index = 0;
  const step = async (name: string, action: () => Promise<string>): Promise<boolean> => {
    currentStep = name;
    const screenshot = path.join(outDir, `${String(++index).padStart(2, "0")}-${name}.png`);
    let ok = true;
    let detail: string;
    try {
      detail = await action();
    } catch (error) {
      ok = false;
      detail = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    results.push({ step: name, ok, detail, screenshot: path.relative(here, screenshot) });
    log(`${ok ? "PASS" : "FAIL"} ${name}: ${detail}`);
    return ok;
  };

  // Book, or "confirm-reschedule-button" when rescheduling.
  const confirmButton = () => page.locator('[data-testid="confirm-book-button"], [data-testid="confirm-reschedule-button"]').first();
  // The first available time button of the Booker's slot list.
  const firstSlot = () => page.locator('[data-testid="time"]').first();
  const pickSlotAndOpenForm = async () => {
    await firstSlot().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    const label = (await firstSlot().innerText()).trim();
    await firstSlot().click();
    await page.locator('input[name="name"], [name="responses.name"]').first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    return label;
  };

  let bookingUid = "";
  let rescheduledUid = "";
  const flow = async () => {
    if (
      !(await step("load-event", async () => {
        await page.goto(pageUrl(), { waitUntil: "domcontentloaded" });
        await page.getByText(EVENT.title, { exact: false }).first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
        return `"${EVENT.title}" rendered`;
      }))
    )
      return;
    if (
      !(await step("show-slots", async () => {
        await firstSlot().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
        return `${await page.locator('[data-testid="time"]').count()} time slots shown, first ${(await firstSlot().innerText()).trim()}`;
      }))
    )
      return;
    if (
      !(await step("reserve", async () => {
        const label = await pickSlotAndOpenForm();
        // The atoms reserve the slot as it is chosen; wait for the answer.
        const deadline = Date.now() + STEP_TIMEOUT_MS;
        const answered = () => network.find((e) => e.method === "POST" && e.url.startsWith("/v2/slots/reserve") && (e.status || e.failure));
        while (!answered() && Date.now() < deadline) await page.waitForTimeout(250);
        const reserve = answered();
        if (!reserve || (reserve.status ?? 0) >= 300) throw new Error(`slot ${label} chosen, but POST /v2/slots/reserve answered ${reserve?.status ?? reserve?.failure ?? "nothing"}`);
        return `slot ${label} chosen, reserved (${reserve.status}), booking form open`;
      }))
    )
      return;
    if (
      !(await step("book", async () => {
        await page.locator('input[name="name"], [name="responses.name"]').first().fill("Ada Booker");
        await page.locator('input[name="email"], [name="responses.email"]').first().fill("ada.booker@example.com");
        await confirmButton().click();
        const data: any = await waitForReport("bookingSuccess", "bookingError");
        bookingUid = data?.data?.uid ?? "";
        if (!bookingUid) throw new Error(`booked, but no uid in ${JSON.stringify(data).slice(0, 300)}`);
        return `booking ${bookingUid}`;
      }))
    )
      return;
    if (
      !(await step("reschedule", async () => {
        await page.goto(pageUrl({ rescheduleUid: bookingUid }), { waitUntil: "domcontentloaded" });
        const label = await pickSlotAndOpenForm();
        await confirmButton().click();
        const data: any = await waitForReport("bookingSuccess", "bookingError");
        rescheduledUid = data?.data?.uid ?? "";
        return `rescheduled to ${label}: booking ${rescheduledUid}`;
      }))
    )
      return;
    await step("cancel", async () => {
      await page.goto(pageUrl({ cancelUid: rescheduledUid || bookingUid }), { waitUntil: "domcontentloaded" });
      await page.locator('[data-testid="cancel-booking"]').click();
      await waitForReport("cancelSuccess", "cancelError");
      return `booking ${rescheduledUid || bookingUid} cancelled`;
    });
  };
  await flow();

  writeFileSync(path.join(outDir, "network.json"), JSON.stringify(network, null, 2));
  writeFileSync(path.join(outDir, "report.json"), JSON.stringify({ mode: MODE, results, pageErrors, otherFailures: [...otherFailures] }, null, 2));

  const reached = results.filter((r) => r.ok).map((r) => r.step);
  const failed = results.find((r) => !r.ok);
  console.log(`\nMode: ${MODE}. Steps passed: ${reached.join(" → ") || "none"}.`);
  if (failed) console.log(`Stopped at "${failed.step}": ${failed.detail}`);
  console.log("\nAPI calls the Booker made (status, method, path, cal-api-version):");
  for (const entry of network) {
    const status = entry.failure ? `ERR ${entry.failure}` : String(entry.status ?? "…");
    console.log(`  [${entry.step}] ${status.padEnd(4)} ${entry.method.padEnd(6)} ${entry.url}  (version: ${entry.version ?? "none"})`);
  }
  const failures = network.filter((e) => e.failure || (e.status ?? 0) >= 400);
  if (failures.length) {
    console.log("\nFailed API calls:");
    for (const entry of failures) console.log(`  ${entry.status ?? entry.failure} ${entry.method} ${entry.url} → ${entry.response?.slice(0, 200) ?? ""}`);
  }
  if (otherFailures.size) console.log(`\nNon-API resources that failed to load:\n  ${[...otherFailures].join("\n  ")}`);
  if (pageErrors.length) console.log(`\nPage errors:\n  ${pageErrors.slice(0, 20).join("\n  ")}`);
  console.log(`\nScreenshots, network.json and report.json are in ${path.relative(process.cwd(), outDir) || outDir}/`);
  return failed ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] setup failed: ${error instanceof Error ? error.stack : error}`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
}
process.exit(exitCode);

// Every operation in routes/index.ts against Cal.com's published document (contract/): the path and method exist
// there, the versions served agree with its `cal-api-version` header, and the list's order lets static paths win.
import { describe, expect, it } from "vitest";
import contract from "../../contract/calcom-api-v2-openapi.json";
import { operations } from "../../routes/index";
import type { Operation } from "../../src/operation";
import type { ServedVersions } from "../../versions/registry";

type ContractOperation = { parameters?: Array<{ name: string; in: string; description?: string; schema?: { default?: unknown } }> };
const paths = (contract as unknown as { paths: Record<string, Record<string, ContractOperation>> }).paths;

const key = (operation: Operation) => `${operation.route.method.toUpperCase()} ${operation.route.path}`;
const contractEntry = (operation: Operation): ContractOperation | undefined => paths[operation.route.path]?.[operation.route.method];

// Ours or the atoms', on purpose absent from Cal.com's document. Keep each entry commented.
const NOT_IN_CONTRACT = new Set([
  // Liveness probe of this deployment.
  "GET /health",
  // Receivers of Google / Microsoft calendar change notifications (README "Calendars"), verified by token.
  "POST /internal/calendar-notifications/google",
  "POST /internal/calendar-notifications/office365",
  // The delivery log of a webhook and redelivery (our extension, README "Webhooks").
  "GET /v2/webhooks/{webhookId}/deliveries",
  "POST /v2/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  // What a workflow's messages became (our extension, README "Workflows").
  "GET /v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}/reminders",
  // Called by Cal.com's React atoms (the Booker, the platform provider) but not in the published document.
  "GET /v2/provider/{clientId}",
  "GET /v2/provider/{clientId}/access-token",
  "GET /v2/atoms/event-types/{eventSlug}/public",
  "GET /v2/atoms/verification/email/check",
  "GET /v2/timezones",
  "GET /v2/slots/available",
  "POST /v2/slots/reserve",
  "DELETE /v2/slots/selected-slot",
  "POST /v2/bookings/recurring",
  "POST /v2/bookings/instant",
  "GET /v2/bookings/{bookingUid}/reschedule",
  // Stripe's webhook events for paid bookings (our extension, README "Stripe").
  "POST /v2/stripe/webhook",
]);

/** The version the contract's `cal-api-version` header asks for, or undefined when the operation has no such header. */
function documentedVersion(entry: ContractOperation): string | undefined {
  const header = entry.parameters?.find((parameter) => parameter.in === "header" && parameter.name === "cal-api-version");
  if (!header) return undefined;
  // The header's default carries the version; the two newest booking endpoints only name it in the description.
  const version = typeof header.schema?.default === "string" ? header.schema.default : header.description?.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!version) throw new Error(`cal-api-version header without a version: ${JSON.stringify(header)}`);
  return version;
}

const documented = operations.filter((operation) => operation.documented !== false);

describe("operations vs the contract", () => {
  it("every documented operation is in the contract, apart from the commented allow-list", () => {
    const missing = documented.filter((operation) => !NOT_IN_CONTRACT.has(key(operation)) && !contractEntry(operation)).map(key);
    expect(missing).toEqual([]);
  });

  it("the allow-list names only served operations that really are absent from the contract", () => {
    const served = new Map(documented.map((operation) => [key(operation), operation]));
    const stale = [...NOT_IN_CONTRACT].filter((k) => !served.has(k) || contractEntry(served.get(k)!));
    expect(stale).toEqual([]);
  });

  it("an undocumented variant (documented: false) shares its path and method with a documented operation", () => {
    const documentedKeys = new Set(documented.map(key));
    const orphans = operations.filter((operation) => operation.documented === false && !documentedKeys.has(key(operation))).map(key);
    expect(orphans).toEqual([]);
  });

  it("operations sharing a path and method serve disjoint versions", () => {
    const overlaps: string[] = [];
    operations.forEach((a, i) => {
      for (const b of operations.slice(i + 1)) if (key(a) === key(b) && versionsOverlap(a.versions, b.versions)) overlaps.push(key(a));
    });
    expect(overlaps).toEqual([]);
  });
});

describe("served versions agree with the contract's cal-api-version header", () => {
  const inContract = documented.filter((operation) => contractEntry(operation));
  for (const operation of inContract) {
    it(key(operation), () => {
      const version = documentedVersion(contractEntry(operation)!);
      if (version === undefined) {
        // No header in the contract: Cal.com's VERSION_NEUTRAL controller answers whatever version is sent (or none).
        expect(operation.versions).toBe("all");
      } else {
        // Cal.com's controllers may list more versions than the document names (schedules: 2024-06-11 and 2024-06-14).
        expect(operation.versions).not.toBe("all");
        expect(operation.versions).toContain(version);
      }
    });
  }
});

function versionsOverlap(a: ServedVersions, b: ServedVersions): boolean {
  return a === "all" || b === "all" || a.some((version) => b.includes(version));
}

const segments = (path: string) => path.split("/");
const isParam = (segment: string) => segment.startsWith("{");
/** Whether the route `pattern` would also match the literal segments of `path` (`{x}` matches any one segment). */
const patternMatches = (pattern: string, path: string) => {
  const p = segments(pattern);
  const s = segments(path);
  return p.length === s.length && p.every((segment, i) => segment === s[i] || isParam(segment));
};

describe("order of operations", () => {
  // The router tries routes in registration order: /v2/schedules/default must come before /v2/schedules/{scheduleId},
  // or the latter would answer it (with a 400 for a non-numeric id).
  it("a static path precedes every parameterised sibling that would also match it", () => {
    const misordered: string[] = [];
    operations.forEach((earlier, i) => {
      for (const later of operations.slice(i + 1)) {
        if (earlier.route.method !== later.route.method || !versionsOverlap(earlier.versions, later.versions)) continue;
        const earlierShadowsLater = patternMatches(earlier.route.path, later.route.path) && !patternMatches(later.route.path, earlier.route.path);
        if (earlierShadowsLater) misordered.push(`${key(later)} comes after ${key(earlier)}`);
      }
    });
    expect(misordered).toEqual([]);
  });
});

import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEventTypeWithBusyTime } from "../../../src/availability/one-round-trip";
import { createSql, type HttpSql } from "../../../src/services/db";
import { createTeam, createTeamEventTypeRow, type TestDb, testDb } from "../../helpers/fixtures";
import { mondayAhead } from "../slots/helpers";
import { createMember, HOUR, insertHostBooking, type TeamMember } from "./helpers";
import { countingDb } from "../../helpers/counting";

// A public slot lookup reads the event type, every host with its schedule, and every host's busy time in ONE
// SQL statement, however many hosts the event type has.

const monday = mondayAhead(42);
let members: TeamMember[];
let teamId: number;
let db: TestDb;

beforeAll(async () => {
  members = await Promise.all(Array.from({ length: 10 }, (_, i) => createMember({ timeZone: i % 2 ? "Asia/Tokyo" : "America/Chicago" })));
  ({ teamId } = await createTeam({ members }));
  // One booking per host, so that every host has busy time to read.
  await Promise.all(members.map((m, i) => insertHostBooking(m.userId, monday + (i + 1) * HOUR, 30)));
  db = testDb();
});

afterAll(() => db.$disconnect());

/** An HttpSql that records each statement sent. */
function countingSql(): { sql: HttpSql; statements: string[] } {
  const inner = createSql(env as unknown as { DATABASE_URL: string });
  const statements: string[] = [];
  const sql = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "query" || property === "transaction") {
        return (...args: unknown[]) => {
          statements.push(String(property === "query" ? args[0] : "transaction"));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { sql, statements };
}

const window = () => ({ rangeStart: monday, rangeEnd: monday + 24 * HOUR, now: Date.now() });

describe("one round trip for any number of hosts", () => {
  for (const hostCount of [1, 10]) {
    it(`${hostCount} host(s): one statement over HTTP, one Prisma call, every host's schedule, busy time and version`, async () => {
      const hosts = members.slice(0, hostCount);
      const et = await createTeamEventTypeRow(
        teamId,
        "ROUND_ROBIN",
        hosts.map((m) => ({ userId: m.userId })),
      );

      const { sql, statements } = countingSql();
      const overHttp = await loadEventTypeWithBusyTime(sql, { eventTypeId: et.id }, window());
      expect(statements).toHaveLength(1);

      const { proxy, calls } = countingDb(db);
      const overPrisma = await loadEventTypeWithBusyTime(proxy, { eventTypeId: et.id }, window());
      expect(calls).toEqual(["$queryRaw"]);

      for (const found of [overHttp, overPrisma]) {
        expect(found).not.toBeNull();
        expect(found!.eventType.hosts.map((h) => h.userId).sort()).toEqual(hosts.map((m) => m.userId).sort());
        expect(found!.eventType.hosts.every((h) => h.schedule?.weekly.length === 1)).toBe(true);
        expect([...found!.busy.busyByHost.keys()].sort()).toEqual(hosts.map((m) => m.userId).sort());
        expect(found!.freshness.slotsVersions.map((v) => v.userId).sort()).toEqual(hosts.map((m) => m.userId).sort());
      }
    });
  }
});

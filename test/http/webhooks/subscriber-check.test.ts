// The producer's subscriber check (hasMatchingWebhook, one SQL statement) must answer what the consumer's fan-out
// selects (matchingWebhooksWhere, a Prisma where): a webhook the check misses is an event never delivered, one it
// invents is a queue message for nothing. Every owner branch gets a webhook that matches BOOKING_CREATED ("hit") and
// one that does not (an inactive BOOKING_CREATED webhook and an active BOOKING_CANCELLED one: "miss"); the owner
// combinations are generated, and both answers are compared with each other and with what the fixture says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookTrigger } from "../../../src/webhooks/triggers";
import { hasMatchingWebhook, matchingWebhooksWhere, type WebhookOwners } from "../../../src/webhooks/subscribers";
import { testDb, type TestDb, unique } from "../../helpers/fixtures";

const CREATED: WebhookTrigger = "BOOKING_CREATED";
const CANCELLED: WebhookTrigger = "BOOKING_CANCELLED";

/** One choice for one field of WebhookOwners, and the triggers it brings a matching webhook for. */
interface Choice<T> {
  value: T;
  matches: readonly WebhookTrigger[];
  label: string;
}
type Dimension = { [K in keyof WebhookOwners]-?: { key: K; absent: Choice<WebhookOwners[K]>; present: Choice<WebhookOwners[K]>[] } }[keyof WebhookOwners];

const hit = <T>(value: T, label: string): Choice<T> => ({ value, matches: [CREATED], label });
const miss = <T>(value: T, label: string): Choice<T> => ({ value, matches: [CANCELLED], label });
const both = <T>(value: T, label: string): Choice<T> => ({ value, matches: [CREATED, CANCELLED], label });

let dimensions: Dimension[];
let db: TestDb;

beforeAll(async () => {
  db = testDb();
  const ids = await (async () => {
    const user = async (name: string) => (await db.user.create({ data: { email: `${unique(name)}@example.com`, username: unique(name) } })).id;
    const team = async (name: string) => (await db.team.create({ data: { name, slug: unique(name), isOrganization: true } })).id;
    const eventTypeOf = async (userId: number) => (await db.eventType.create({ data: { userId, title: "Call", slug: unique("et"), length: 30 } })).id;
    const [userHit, userMiss, coHostHit, coHostMiss, organizationHit, organizationMiss] = await Promise.all([
      user("user-hit"),
      user("user-miss"),
      user("cohost-hit"),
      user("cohost-miss"),
      team("org-hit"),
      team("org-miss"),
    ]);
    const client = async (name: string) =>
      (await db.platformOAuthClient.create({ data: { id: unique(name), name, hashedSecret: "x", permissions: 0, organizationId: organizationMiss } })).id;
    const [clientHit, clientMiss, eventTypeHit, eventTypeMiss, parentHit, parentMiss] = await Promise.all([
      client("client-hit"),
      client("client-miss"),
      eventTypeOf(userMiss),
      eventTypeOf(userMiss),
      eventTypeOf(userMiss),
      eventTypeOf(userMiss),
    ]);
    // Managed users: no webhook of their own, only their OAuth client's.
    const managedUser = async (clientId: string, name: string) =>
      (
        await db.user.create({
          data: { email: `${unique(name)}@example.com`, username: unique(name), platformOAuthClients: { connect: { id: clientId } } },
        })
      ).id;
    const [managedHit, managedMiss] = await Promise.all([managedUser(clientHit, "managed-hit"), managedUser(clientMiss, "managed-miss")]);

    type Owner = { userId: number } | { eventTypeId: number } | { platformOAuthClientId: string } | { teamId: number };
    const rows = (owner: Owner, matching: boolean) =>
      matching
        ? [{ ...owner, subscriberUrl: "https://hooks.example.com/hit", active: true, eventTriggers: [CREATED, "BOOKING_RESCHEDULED" as const] }]
        : [
            { ...owner, subscriberUrl: "https://hooks.example.com/inactive", active: false, eventTriggers: [CREATED] },
            { ...owner, subscriberUrl: "https://hooks.example.com/other-trigger", active: true, eventTriggers: [CANCELLED] },
          ];
    await db.webhook.createMany({
      data: [
        ...rows({ userId: userHit }, true),
        ...rows({ userId: userMiss }, false),
        ...rows({ userId: coHostHit }, true),
        ...rows({ userId: coHostMiss }, false),
        ...rows({ eventTypeId: eventTypeHit }, true),
        ...rows({ eventTypeId: eventTypeMiss }, false),
        ...rows({ eventTypeId: parentHit }, true),
        ...rows({ eventTypeId: parentMiss }, false),
        ...rows({ platformOAuthClientId: clientHit }, true),
        ...rows({ platformOAuthClientId: clientMiss }, false),
        ...rows({ teamId: organizationHit }, true),
        ...rows({ teamId: organizationMiss }, false),
      ],
    });
    return {
      userHit,
      userMiss,
      coHostHit,
      coHostMiss,
      managedHit,
      managedMiss,
      eventTypeHit,
      eventTypeMiss,
      parentHit,
      parentMiss,
      clientHit,
      clientMiss,
      organizationHit,
      organizationMiss,
    };
  })();

  const none = <T>(value: T, label: string): Choice<T> => ({ value, matches: [], label });
  dimensions = [
    {
      key: "userId",
      absent: none(null, "no user"),
      present: [
        hit(ids.userHit, "user hit"),
        miss(ids.userMiss, "user miss"),
        hit(ids.managedHit, "managed user of client hit"),
        miss(ids.managedMiss, "managed user of client miss"),
      ],
    },
    {
      key: "coHostIds",
      absent: none(undefined, "no co-hosts"),
      present: [
        none([], "co-hosts []"),
        hit([ids.coHostHit], "co-host hit"),
        miss([ids.coHostMiss], "co-host miss"),
        both([ids.coHostMiss, ids.coHostHit], "co-hosts miss+hit"),
      ],
    },
    { key: "eventTypeId", absent: none(null, "no event type"), present: [hit(ids.eventTypeHit, "event type hit"), miss(ids.eventTypeMiss, "event type miss")] },
    {
      key: "parentEventTypeId",
      absent: none(undefined, "no parent"),
      present: [none(null, "parent null"), hit(ids.parentHit, "parent hit"), miss(ids.parentMiss, "parent miss")],
    },
    { key: "oAuthClientId", absent: none(null, "no client"), present: [hit(ids.clientHit, "client hit"), miss(ids.clientMiss, "client miss")] },
    {
      key: "organizationIds",
      absent: none(undefined, "no organizations"),
      present: [
        none([], "organizations []"),
        hit([ids.organizationHit], "organization hit"),
        miss([ids.organizationMiss], "organization miss"),
        both([ids.organizationMiss, ids.organizationHit], "organizations miss+hit"),
      ],
    },
  ];
}, 60_000);

afterAll(() => db.$disconnect());

interface Combination {
  owners: WebhookOwners;
  chosen: Choice<unknown>[];
}

function combine(choices: Choice<unknown>[]): Combination {
  const owners = Object.fromEntries(dimensions.map((dimension, i) => [dimension.key, choices[i]!.value])) as unknown as WebhookOwners;
  return { owners, chosen: choices };
}

/**
 * Every combination with at most two fields present (each branch alone and every pair of branches), then every
 * field present: all misses, and all misses with one field switched to each of its other choices.
 */
function combinations(): Combination[] {
  const absent = dimensions.map((d) => d.absent as Choice<unknown>);
  const result: Combination[] = [combine(absent)];
  dimensions.forEach((first, i) => {
    for (const a of first.present) {
      result.push(combine(absent.map((choice, k) => (k === i ? a : choice)) as Choice<unknown>[]));
      dimensions.forEach((second, j) => {
        if (j <= i) return;
        for (const b of second.present) result.push(combine(absent.map((choice, k) => (k === i ? a : k === j ? b : choice)) as Choice<unknown>[]));
      });
    }
  });
  const missOf = (d: Dimension) => (d.present.find((c) => c.matches.length === 1 && c.matches[0] === CANCELLED) ?? d.present[0]) as Choice<unknown>;
  const allMisses = dimensions.map(missOf);
  result.push(combine(allMisses));
  dimensions.forEach((dimension, i) => {
    for (const choice of [dimension.absent, ...dimension.present] as Choice<unknown>[]) {
      if (choice !== allMisses[i]) result.push(combine(allMisses.map((c, k) => (k === i ? choice : c))));
    }
  });
  return result;
}

/** Runs `work` over `items`, `width` at a time (the local Neon stand-in serves a few queries at once). */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) results.push(...(await Promise.all(items.slice(start, start + width).map(work))));
  return results;
}

describe("hasMatchingWebhook answers as matchingWebhooksWhere selects", () => {
  for (const trigger of [CREATED, CANCELLED]) {
    it(`${trigger}: every generated owner combination`, async () => {
      const cases = combinations();
      const answers = await inBatches(cases, 6, async ({ owners, chosen }) => {
        const where = matchingWebhooksWhere(trigger, owners);
        const fanOut = where === undefined ? undefined : (await db.webhook.count({ where })) > 0;
        const check = await hasMatchingWebhook(db, trigger, owners);
        const expected = chosen.every((c) => c.value === null || c.value === undefined || (Array.isArray(c.value) && c.value.length === 0))
          ? undefined
          : chosen.some((c) => c.matches.includes(trigger));
        return { labels: chosen.map((c) => c.label).join(", "), check, fanOut, expected };
      });
      const disagreements = answers.filter((a) => a.check !== a.fanOut || a.check !== a.expected);
      expect(disagreements).toEqual([]);
      // The generated set covers all three answers, so neither side can pass by always saying the same thing.
      const tally = (value: boolean | undefined) => answers.filter((a) => a.check === value).length;
      expect(tally(undefined)).toBeGreaterThan(0);
      expect(tally(true)).toBeGreaterThan(0);
      expect(tally(false)).toBeGreaterThan(0);
    }, 120_000);
  }
});

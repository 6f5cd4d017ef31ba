// GET /v2/bookings finds the bookings the caller attends by lower(email) (src/bookings/list.ts). Only the migration's
// expression index "Attendee_email_lower_idx" can serve that; without it Postgres reads every attendee on every
// list (1 000 000 attendees: 140 ms of a 153 ms statement, README "Bookings lists"). With sequential scans priced
// out, the caller's statement must read Attendee through that index: the index exists and the query matches it.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBookings } from "../../src/bookings/list";
import { Prisma } from "../../src/generated/prisma/client";
import { createMigratedDatabase, type MigratedDatabase } from "../support/migrated-database.ts";

let database: MigratedDatabase | undefined;
let client: pg.Client;

beforeAll(async () => {
  database = await createMigratedDatabase("listplan");
  client = database.client;
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

/** The statement listBookings sends for `userId`'s own list (no filters), captured instead of run. */
async function callerListStatement(userId: number): Promise<Prisma.Sql> {
  let statement: Prisma.Sql | undefined;
  const db = {
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      statement = Prisma.sql(strings, ...values);
      return [];
    },
  };
  await listBookings({ now: () => Date.now(), db } as never, { userId } as never, { take: 100, skip: 0 } as never);
  if (!statement) throw new Error("listBookings sent no statement");
  return statement;
}

describe("GET /v2/bookings' statement", () => {
  it("reads the caller's attendee rows through Attendee_email_lower_idx", async () => {
    const statement = await callerListStatement(1);
    await client.query("SET enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
    const plan = JSON.stringify(rows[0]?.["QUERY PLAN"]);
    expect(plan).toContain('"Index Name":"Attendee_email_lower_idx"');
  });
});

// Fails when prisma/schema and the database our migrations build disagree (tables, columns, types,
// nullability, enums, indexes, foreign keys), so a schema change without its migration, or the reverse,
// cannot land.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { createMigratedDatabase, type MigratedDatabase } from "../support/migrated-database.ts";
import { readPrismaSchema, type SchemaSpec } from "../support/prisma-schema.ts";

let database: MigratedDatabase | undefined;
let client: pg.Client;
let schema: SchemaSpec;

beforeAll(async () => {
  database = await createMigratedDatabase("drift");
  client = database.client;
  schema = readPrismaSchema(new URL("../../prisma/schema", import.meta.url).pathname);
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe("schema.prisma vs the migrated database", () => {
  it("has the same tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...schema.tables].sort());
  });

  it("has the same columns, types and nullability", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => {
        const type = r.data_type === "USER-DEFINED" || r.data_type === "ARRAY" ? r.udt_name : r.data_type;
        return `${r.table_name}.${r.column_name}: ${type}${r.is_nullable === "YES" && r.data_type !== "ARRAY" ? "?" : ""}`;
      })
      .sort();
    const expected = schema.columns.map((c) => `${c.table}.${c.column}: ${c.sqlType}${c.nullable && !c.list ? "?" : ""}`).sort();
    expect(actual).toEqual(expected);
  });

  it("has the same enums and values", async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(schema.enums));
  });

  it("has every primary key, unique constraint and index the schema declares", async () => {
    const { rows } = await client.query<{ table: string; name: string; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       GROUP BY t.relname, i.relname, ix.indisunique`,
    );
    const missing = schema.indexes.filter(
      (want) =>
        !rows.some(
          (row) =>
            row.table === want.table &&
            row.unique === want.unique &&
            row.columns.join(",") === want.columns.join(",") &&
            (!want.name || row.name === want.name),
        ),
    );
    expect(missing).toEqual([]);
  });

  it("has every foreign key the schema's relations declare", async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; referenced: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS referenced,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'f' GROUP BY c.oid, c.conrelid, c.confrelid`,
    );
    const unquote = (name: string) => name.replace(/^"|"$/g, "");
    const actual = rows.map((r) => `${unquote(r.table)}(${r.columns.join(",")}) -> ${unquote(r.referenced)}`).sort();
    const expected = schema.foreignKeys.map((fk) => `${fk.table}(${fk.columns.join(",")}) -> ${fk.referencedTable}`).sort();
    expect(actual).toEqual(expected);
  });

  it("records each applied migration in _prisma_migrations as Prisma does", async () => {
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // Running again applies nothing (idempotent), as `prisma migrate deploy` would.
    expect(await applyMigrations(database!.url)).toEqual([]);
  });
});

// A small reader of our Prisma schema folder: enough to compare models, enums, columns, indexes and
// foreign keys with what the migrations actually built (Prisma's own differ needs the schema engine,
// which cannot be downloaded here).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface ColumnSpec {
  table: string;
  column: string;
  sqlType: string; // as information_schema reports it (data_type, or udt_name for enums/arrays)
  nullable: boolean;
  list: boolean;
}
export interface IndexSpec {
  table: string;
  columns: string[];
  unique: boolean;
  name?: string;
}
export interface ForeignKeySpec {
  table: string;
  columns: string[];
  referencedTable: string;
}
export interface SchemaSpec {
  tables: Set<string>;
  columns: ColumnSpec[];
  enums: Map<string, string[]>;
  indexes: IndexSpec[];
  foreignKeys: ForeignKeySpec[];
}

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric",
  Bytes: "bytea",
};
const NATIVE: Record<string, string> = {
  Text: "text",
  VarChar: "character varying",
  Char: "character",
  Uuid: "uuid",
  Timestamptz: "timestamp with time zone",
  Timestamp: "timestamp without time zone",
  Date: "date",
  Time: "time without time zone",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  DoublePrecision: "double precision",
  Real: "real",
  JsonB: "jsonb",
  Json: "json",
  Boolean: "boolean",
  Inet: "inet",
};
const ARRAY_UDT: Record<string, string> = { text: "_text", integer: "_int4", bigint: "_int8", boolean: "_bool" };

const mapped = (attrs: string) => /@map\("([^"]+)"\)/.exec(attrs)?.[1];
const fieldList = (text: string) => text.split(",").map((f) => f.trim().replace(/\(.*\)$/, "")).filter(Boolean);

export function readPrismaSchema(dir: string): SchemaSpec {
  const source = readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .map((f) => readFileSync(join(dir, f), "utf8").replace(/\/\/.*$/gm, ""))
    .join("\n");
  const blocks = [...source.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums = new Map<string, string[]>();
  const modelNames = new Set<string>();
  for (const [, kind, name, body] of blocks) {
    if (kind === "model") modelNames.add(name!);
    // A value's database label is its @map("…") when it has one.
    else enums.set(name!, body!.split("\n").map((l) => /@map\("([^"]+)"\)/.exec(l)?.[1] ?? l.trim().split(/\s+/)[0]!).filter((v) => v && !v.startsWith("@@")));
  }
  const dbEnums = new Map<string, string[]>();
  const tableOf = new Map<string, string>();
  for (const [, kind, name, body] of blocks) {
    if (kind === "model") tableOf.set(name!, /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!);
    else dbEnums.set(/@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!, enums.get(name!)!);
  }
  const enumDbName = (name: string) => /@@map\("([^"]+)"\)/.exec(blocks.find((b) => b[1] === "enum" && b[2] === name)![3]!)?.[1] ?? name;

  const spec: SchemaSpec = { tables: new Set(tableOf.values()), columns: [], enums: dbEnums, indexes: [], foreignKeys: [] };
  for (const [, kind, name, body] of blocks) {
    if (kind !== "model") continue;
    const table = tableOf.get(name!)!;
    const columnOf = new Map<string, string>();
    for (const raw of body!.split("\n")) {
      const line = raw.trim();
      const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!match || line.startsWith("@@")) continue;
      const [, field, type, list, optional, attrs] = match as unknown as [string, string, string, string | undefined, string | undefined, string];
      if (modelNames.has(type)) {
        const relation = /@relation\(([^)]*)\)/.exec(attrs)?.[1] ?? "";
        const fields = /fields:\s*\[([^\]]+)\]/.exec(relation)?.[1];
        if (fields) spec.foreignKeys.push({ table, columns: fieldList(fields), referencedTable: tableOf.get(type)! });
        continue;
      }
      const column = mapped(attrs) ?? field;
      columnOf.set(field, column);
      const native = /@db\.(\w+)/.exec(attrs)?.[1];
      let sqlType = enums.has(type) ? enumDbName(type) : native ? NATIVE[native] ?? native.toLowerCase() : SCALARS[type] ?? type;
      if (list) sqlType = enums.has(type) ? `_${enumDbName(type)}` : ARRAY_UDT[sqlType] ?? `_${sqlType}`;
      spec.columns.push({ table, column, sqlType, nullable: Boolean(optional), list: Boolean(list) });
      if (/@id\b/.test(attrs)) spec.indexes.push({ table, columns: [column], unique: true, name: `${table}_pkey` });
      if (/@unique\b/.test(attrs)) spec.indexes.push({ table, columns: [column], unique: true });
    }
    const translate = (fields: string) => fieldList(fields).map((f) => columnOf.get(f) ?? f);
    for (const m of body!.matchAll(/@@(id|unique|index)\(\s*(?:fields:\s*)?\[([^\]]+)\]([^)]*)\)/g)) {
      const name = /map:\s*"([^"]+)"/.exec(m[3] ?? "")?.[1];
      spec.indexes.push({ table, columns: translate(m[2]!), unique: m[1] !== "index", name: m[1] === "id" ? `${table}_pkey` : name });
    }
    for (const fk of spec.foreignKeys.filter((f) => f.table === table)) fk.columns = fk.columns.map((f) => columnOf.get(f) ?? f);
  }
  return spec;
}

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
const fieldList = (text: string) =>
  text
    .split(",")
    .map((f) => f.trim().replace(/\(.*\)$/, ""))
    .filter(Boolean);

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
    else
      enums.set(
        name!,
        body!
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith("@@"))
          .map((l) => /@map\("([^"]+)"\)/.exec(l)?.[1] ?? l.split(/\s+/)[0]!),
      );
  }
  const dbEnums = new Map<string, string[]>();
  const tableOf = new Map<string, string>();
  for (const [, kind, name, body] of blocks) {
    if (kind === "model") tableOf.set(name!, /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!);
    else dbEnums.set(/@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!, enums.get(name!)!);
  }
  const enumDbName = (name: string) => /@@map\("([^"]+)"\)/.exec(blocks.find((b) => b[1] === "enum" && b[2] === name)![3]!)?.[1] ?? name;

  const spec: SchemaSpec = { tables: new Set(tableOf.values()), columns: [], enums: dbEnums, indexes: [], foreignKeys: [] };
  // List relation fields without `fields:` on both sides are an implicit many-to-many (a join table).
  const listRelations: { model: string; type: string; relationName?: string }[] = [];
  const idTypeOf = new Map<string, string>();
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
        if (list) listRelations.push({ model: name!, type, relationName: /^\s*"([^"]+)"/.exec(relation)?.[1] });
        continue;
      }
      const column = mapped(attrs) ?? field;
      columnOf.set(field, column);
      const native = /@db\.(\w+)/.exec(attrs)?.[1];
      let sqlType = enums.has(type) ? enumDbName(type) : native ? (NATIVE[native] ?? native.toLowerCase()) : (SCALARS[type] ?? type);
      if (list) sqlType = enums.has(type) ? `_${enumDbName(type)}` : (ARRAY_UDT[sqlType] ?? `_${sqlType}`);
      spec.columns.push({ table, column, sqlType, nullable: Boolean(optional), list: Boolean(list) });
      if (/@id\b/.test(attrs)) {
        spec.indexes.push({ table, columns: [column], unique: true, name: `${table}_pkey` });
        idTypeOf.set(name!, sqlType);
      }
      if (/@unique\b/.test(attrs)) spec.indexes.push({ table, columns: [column], unique: true });
    }
    const translate = (fields: string) => fieldList(fields).map((f) => columnOf.get(f) ?? f);
    for (const m of body!.matchAll(/@@(id|unique|index)\(\s*(?:fields:\s*)?\[([^\]]+)\]([^)]*)\)/g)) {
      const name = /map:\s*"([^"]+)"/.exec(m[3] ?? "")?.[1];
      spec.indexes.push({ table, columns: translate(m[2]!), unique: m[1] !== "index", name: m[1] === "id" ? `${table}_pkey` : name });
    }
    for (const fk of spec.foreignKeys.filter((f) => f.table === table)) fk.columns = fk.columns.map((f) => columnOf.get(f) ?? f);
  }
  // Prisma's implicit join table: "_<A>To<B>" (models in alphabetical order) or "_<relation name>", with
  // columns A and B, primary key (A, B), an index on B and a foreign key from each column.
  for (const side of listRelations) {
    const [a, b] = [side.model, side.type].sort();
    if (a !== side.model || a === b) continue;
    const other = listRelations.find((r) => r.model === side.type && r.type === side.model && r.relationName === side.relationName);
    if (!other) continue;
    const table = `_${side.relationName ?? `${a}To${b}`}`;
    spec.tables.add(table);
    spec.columns.push({ table, column: "A", sqlType: idTypeOf.get(a!)!, nullable: false, list: false });
    spec.columns.push({ table, column: "B", sqlType: idTypeOf.get(b!)!, nullable: false, list: false });
    spec.indexes.push({ table, columns: ["A", "B"], unique: true, name: `${table}_AB_pkey` });
    spec.indexes.push({ table, columns: ["B"], unique: false, name: `${table}_B_index` });
    spec.foreignKeys.push({ table, columns: ["A"], referencedTable: tableOf.get(a!)! });
    spec.foreignKeys.push({ table, columns: ["B"], referencedTable: tableOf.get(b!)! });
  }
  return spec;
}

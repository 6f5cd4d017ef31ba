// `npx tsx scripts/slots-data-function.ts <migration name>`: writes prisma/migrations/<name>/migration.sql, the
// "slots_data" function generated from src/availability/slots-data-statement.ts (see
// src/availability/slots-data-function.ts). Without a name, prints it. Run it when the statement changes:
// test/unit/slots-data-function.test.ts fails until the newest migration defining the function matches.
import { mkdirSync, writeFileSync } from "node:fs";
import { slotsDataFunctionSql } from "../src/availability/slots-data-function.ts";

const name = process.argv[2];
if (!name) {
  process.stdout.write(slotsDataFunctionSql());
} else {
  const dir = new URL(`../prisma/migrations/${name}/`, import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}migration.sql`, slotsDataFunctionSql());
  console.log(`wrote ${dir}migration.sql`);
}

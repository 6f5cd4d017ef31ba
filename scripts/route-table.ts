// Writes routes/table.generated.ts from routes/index.ts: every operation's method, path and versions in routing
// order, each with a loader of its module, so the Worker registers routes at start without building them.
// Run after adding or reordering operations: `npm run routes:table` (test/unit/route-table.test.ts fails when stale).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Operation } from "../src/operation";

const routesDir = join(dirname(fileURLToPath(import.meta.url)), "../routes");
const target = join(routesDir, "table.generated.ts");

// Every `import { a, b } from "./x"` of routes/index.ts: where each operation export lives.
const source = readFileSync(join(routesDir, "index.ts"), "utf8");
const imports = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.\/[^"]+)"/g)].map((match) => ({
  module: match[2]!,
  names: match[1]!
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name && !name.startsWith("type ")),
}));

// Each operation object → the expression that reaches it from its module.
const reach = new Map<Operation<any>, { module: string; expression: string }>();
for (const { module, names } of imports) {
  const file = [`${module}.ts`, `${module}/index.ts`].map((name) => join(routesDir, name)).find((name) => existsSync(name));
  if (!file) throw new Error(`routes/index.ts imports ${module}, which is not a file`);
  const loaded = await import(pathToFileURL(file).href);
  for (const name of names) {
    const value = loaded[name];
    if (Array.isArray(value)) {
      for (const [i, operation] of value.entries()) reach.set(operation, { module, expression: `${name}[${i}]!` });
    } else if (value) reach.set(value, { module, expression: name });
  }
}

const { operations } = (await import(pathToFileURL(join(routesDir, "index.ts")).href)) as { operations: Operation<any>[] };
const lines = operations.map((operation, i) => {
  const found = reach.get(operation);
  if (!found) throw new Error(`operation ${i} (${operation.route.method} ${operation.route.path}) is not a named import of routes/index.ts`);
  const { method, path } = operation.route;
  return `  { method: "${method}", path: "${path}", versions: ${JSON.stringify(operation.versions)}, load: async () => (await import("${found.module}")).${found.expression} },`;
});

writeFileSync(
  target,
  [
    "// Generated from routes/index.ts by `npm run routes:table` (scripts/route-table.ts): do not edit.",
    "// test/unit/route-table.test.ts fails when it no longer matches routes/index.ts.",
    'import type { LazyOperation } from "../src/operation";',
    "",
    "export const operationTable: readonly LazyOperation[] = [",
    ...lines,
    "];",
    "",
  ].join("\n"),
);
execFileSync("npx", ["biome", "format", "--write", target], { stdio: "inherit" });
console.log(`${target}: ${lines.length} operations`);

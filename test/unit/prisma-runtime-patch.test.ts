// scripts/patch-prisma-runtime.mjs (postinstall): the edge runtime the Worker bundles decodes the schema's
// parameterization graph once per isolate, not once per PrismaClient (src/services/prisma-clients.ts), with atob, and
// its clients share one query compiler.
// That the decoded graph is right is shown by every HTTP test: each Prisma model query is checked against it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const runtimeDir = join(dirname(createRequire(import.meta.url).resolve("@prisma/client/package.json")), "runtime");
const MARK = "/* cal-edge: one decoded parameterization graph per schema */";
const ATOB_MARK = "/* cal-edge: the graph's base64 decoded with atob */";
const COMPILER_MARK = "/* cal-edge: one query compiler per schema and connection info */";

describe("the Prisma runtime patch", () => {
  it.each(["wasm-compiler-edge.mjs", "wasm-compiler-edge.js"])("%s keeps one decoded graph per schema object, patched once", (file) => {
    const source = readFileSync(join(runtimeDir, file), "utf8");
    expect(source.split(MARK)).toHaveLength(2);
    expect(source.split(ATOB_MARK)).toHaveLength(2);
    expect(source.split(COMPILER_MARK)).toHaveLength(2);
    // The engine's connect step takes the isolate's compiler for its data model and connection info, made once and
    // never freed (a kept client's disconnect, or a failed connect, must not free the one every client uses).
    expect(source).toMatch(
      /let s=(\w)\.\$shared\?\?=new Map,m=s\.get\(this\.datamodel\);.*?q=m\.get\(k\);if\(!q\)\{q=new \1\(\{datamodel:this\.datamodel,provider:\w,connectionInfo:\w\}\);q\.free=\(\)=>\{\};m\.set\(k,q\)\}return q/,
    );
    // The memoized decoder: a WeakMap keyed by the schema object, filled on first use.
    expect(source).toMatch(
      /var (\w+)\$decoded=new WeakMap;function \1\((\w)\)\{let d=\1\$decoded\.get\(\2\);if\(!d\)\{d=new [\w$]+\(\2\)\.deserialize\(\);\1\$decoded\.set\(\2,d\)\}return d\}/,
    );
  });
});

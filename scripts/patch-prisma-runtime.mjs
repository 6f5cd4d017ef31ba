// Run by `npm install` (postinstall), before `prisma generate`: one change to Prisma's edge runtime (the one our
// bundle uses, @prisma/client/runtime/wasm-compiler-edge). Every `new PrismaClient` decodes the schema's
// parameterization graph (~340 kB of base64) into ~9 MB of node objects, read-only afterwards. The patch keeps one
// decoded graph per schema object instead of one per client: a Worker then keeps its lent clients
// (src/services/prisma-clients.ts) without ~9 MB each (Workers give an isolate 128 MB), and a new client costs
// no decoding. Idempotent; fails loudly when the expected code is not there (a Prisma upgrade: check it again).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const MARK = "/* cal-edge: one decoded parameterization graph per schema */";
const runtimeDir = join(dirname(createRequire(import.meta.url).resolve("@prisma/client/package.json")), "runtime");

// The function that decodes a schema's graph, as esbuild minified it in each build of the runtime.
const DECODER = /function ([A-Za-z_$][\w$]*)\((\w)\)\{return new ([A-Za-z_$][\w$]*)\(\2\)\.deserialize\(\)\}/;

for (const file of ["wasm-compiler-edge.mjs", "wasm-compiler-edge.js"]) {
  const path = join(runtimeDir, file);
  const source = readFileSync(path, "utf8");
  if (source.includes(MARK)) continue;
  const found = source.match(DECODER);
  if (!found || source.match(new RegExp(DECODER.source, "g")).length !== 1) {
    throw new Error(`${path}: the parameterization graph decoder was not found once; Prisma changed, review scripts/patch-prisma-runtime.mjs`);
  }
  const [whole, name, arg, decoder] = found;
  const memoized = `${MARK}var ${name}$decoded=new WeakMap;function ${name}(${arg}){let d=${name}$decoded.get(${arg});if(!d){d=new ${decoder}(${arg}).deserialize();${name}$decoded.set(${arg},d)}return d}`;
  writeFileSync(path, source.replace(whole, memoized));
  console.log(`patched ${file}: ${name}() keeps one decoded graph per schema`);
}

// Run by `npm install` (postinstall), before `prisma generate`: three changes to Prisma's edge runtime (the one our
// bundle uses, @prisma/client/runtime/wasm-compiler-edge). Every `new PrismaClient` decoded the schema's
// parameterization graph (~340 kB of base64) into ~9 MB of node objects, read-only afterwards, and did it through the
// runtime's Buffer stand-in, which spreads the string into an array of one-character strings:
// - one decoded graph per schema object instead of one per client: a Worker then keeps its lent clients
//   (src/services/prisma-clients.ts) without ~9 MB each (Workers give an isolate 128 MB);
// - the base64 decoded with atob into a Uint8Array (the first client of an isolate: a cold start cost);
// - one query compiler per isolate (per data model and connection info) instead of one per client connection: building
//   one parses the data model in the wasm, 13% of a booking's Worker CPU when the shelf's clients were outnumbered.
// Idempotent; fails loudly when the expected code is not there (a Prisma upgrade: review the patches again).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { applyPatches } from "./lib/patch-source.mjs";

const runtimeDir = join(dirname(createRequire(import.meta.url).resolve("@prisma/client/package.json")), "runtime");

const patches = [
  {
    mark: "/* cal-edge: one decoded parameterization graph per schema */",
    // The function that decodes a schema's graph, as esbuild minified it in each build of the runtime.
    find: /function ([A-Za-z_$][\w$]*)\((\w)\)\{return new ([A-Za-z_$][\w$]*)\(\2\)\.deserialize\(\)\}/,
    replace: (mark, [, name, arg, decoder]) =>
      `${mark}var ${name}$decoded=new WeakMap;function ${name}(${arg}){let d=${name}$decoded.get(${arg});if(!d){d=new ${decoder}(${arg}).deserialize();${name}$decoded.set(${arg},d)}return d}`,
  },
  {
    mark: "/* cal-edge: the graph's base64 decoded with atob */",
    // The graph deserializer's constructor reading the schema's base64url string.
    find: /let (\w)=([A-Za-z_$][\w$]*)\((\w)\.graph\);/,
    replace: (mark, [, bytes, , schema]) =>
      `let ${bytes}=(${mark}(s)=>{let b=atob(s.replace(/-/g,"+").replace(/_/g,"/")),u=new Uint8Array(b.length);for(let i=0;i<b.length;i++)u[i]=b.charCodeAt(i);return u})(${schema}.graph);`,
  },
  {
    mark: "/* cal-edge: one query compiler per schema and connection info */",
    // The client engine's connect step, building a query compiler (the wasm parses the data model) for every
    // client, and again after every disconnect.
    find: /return this\.#m\(\(\)=>new (\w)\(\{datamodel:this\.datamodel,provider:(\w),connectionInfo:(\w)\}\),void 0,!1\)/,
    // Shared by every client of the isolate (a compiler only turns a query into a plan; its settings are the key),
    // and never freed: clients on the shelf stay connected, and a dropped client must not free a shared one.
    replace: (mark, [, compiler, provider, info]) =>
      `return this.#m(()=>{${mark}let s=${compiler}.$shared??=new Map,m=s.get(this.datamodel);m||s.set(this.datamodel,m=new Map);let k=${provider}+"|"+JSON.stringify(${info}),q=m.get(k);if(!q){q=new ${compiler}({datamodel:this.datamodel,provider:${provider},connectionInfo:${info}});q.free=()=>{};m.set(k,q)}return q},void 0,!1)`,
  },
];

for (const file of ["wasm-compiler-edge.mjs", "wasm-compiler-edge.js"]) {
  applyPatches(join(runtimeDir, file), patches, "scripts/patch-prisma-runtime.mjs");
}

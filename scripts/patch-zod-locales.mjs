// Run by `npm install` (postinstall): zod (4.x) re-exports every language's error messages as `locales` from its
// namespaces (`z.locales`, `z.core.locales`). The namespace objects keep all 50 locales in the Worker's bundle
// (~260 KiB minified), though only English is ever used: zod registers it by default (classic/schemas.js) and the
// API answers in English as Cal.com does. The namespaces' `locales` become `{ en }`. Idempotent; fails loudly when
// the code is not there (a zod upgrade).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyPatches } from "./lib/patch-source.mjs";

const zodRoot = dirname(fileURLToPath(import.meta.resolve("zod/v4/core")));
const englishOnly = {
  mark: "/* cal-edge: English is the only locale bundled */",
  find: /export \* as locales from "\.\.\/locales\/index\.js";/,
  replace: (mark) => `import calEdgeEnglish from "../locales/en.js";\nexport const locales = { en: calEdgeEnglish }; ${mark}`,
};
for (const file of ["core/index.js", "classic/external.js", "mini/external.js"])
  applyPatches(join(zodRoot, "..", file), [englishOnly], "scripts/patch-zod-locales.mjs");

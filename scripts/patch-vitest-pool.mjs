// Run by `npm install` (postinstall): one change to @cloudflare/vitest-plugin's pool (1.5.0). When a test file ends,
// the pool stops its worker (`stop()` clears `socket`), but a module request the worker sent just before can still
// arrive: the message listener then asserts `this.socket` and the AssertionError, thrown in an event listener, ends
// the whole vitest process ("Message received from Worker before initialisation"; seen in CI when a queue batch or a
// lazily loaded operation imported a module as its test file ended). A stopped worker's module requests are dropped
// instead: nobody waits for their answers. Idempotent; fails loudly when the code is not there (a plugin upgrade).
import { fileURLToPath } from "node:url";
import { applyPatches } from "./lib/patch-source.mjs";

applyPatches(
  // The package exports only its pool module (the "import" condition), the file to patch.
  fileURLToPath(import.meta.resolve("@cloudflare/vitest-plugin")),
  [
    {
      mark: "/* cal-edge: a stopped worker's module requests are dropped */",
      // The module-fetch branch of the socket's message listener, right after the message is parsed.
      find: /(d\$1\.m === "fetch"\) \{\s*)assert\(this\.socket, "Message received from Worker before initialisation"\);/,
      replace: (mark, [, branch]) => `${branch}if (!this.socket) return; ${mark}`,
    },
  ],
  "scripts/patch-vitest-pool.mjs",
);

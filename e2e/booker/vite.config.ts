import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
const atomsDist = path.join(here, "node_modules/@calcom/atoms/dist");
const local = (file: string) => path.join(here, "src", file);

/**
 * What @calcom/atoms 2.11.0 needs outside Next.js, done in the page's build (never in the API):
 * - its dayjs vendor module registers dayjs plugins as a side effect, but the package says `sideEffects: false`,
 *   so a bundler drops the bare `import "../vendor/dayjs/index.js"`: keep it;
 * - the Booker renders the generic calendar DatePicker without `onChange` (crashes on first render): give it the
 *   Booker-store-wired one Cal.com's web app uses;
 * - the platform Booker calls useBookingForm with an options object it does not read, so the form starts from
 *   `responses: null`: start it from `responses: {}`.
 */
function atomsWorkarounds(): Plugin {
  return {
    name: "atoms-workarounds",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !importer.includes("/@calcom/atoms/dist/")) return null;
      if (importer.endsWith("/booker/components/booker-component.js") && source.endsWith("/calendar-view/components/date-picker.js")) {
        return local("workarounds/booker-date-picker.tsx");
      }
      if (importer.endsWith("/booker/booker-platform-wrapper.js") && source === "./hooks/use-booking-form.js") {
        return local("workarounds/use-booking-form.ts");
      }
      if (source.includes("vendor/dayjs")) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved ? { ...resolved, moduleSideEffects: true } : null;
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [atomsWorkarounds(), react()],
  resolve: {
    alias: [
      // Next.js router hooks and components, outside Next.js.
      { find: /^next\/navigation$/, replacement: local("stand-ins/next-navigation.ts") },
      { find: /^next\/link$/, replacement: local("stand-ins/next-link.tsx") },
      { find: /^next\/image$/, replacement: local("stand-ins/next-image.tsx") },
      // Deep imports of the package's own modules for the workarounds (its `exports` map hides them).
      { find: /^atoms-dist\/(.*)$/, replacement: `${atomsDist}/$1` },
    ],
  },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 10_000 },
});

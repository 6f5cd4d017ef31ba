// The API as the benchmarks run it: the production bundle's bindings over a fresh, seeded database.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { seedLicense } from "../../scripts/lib/platform-seed.ts";
import { seedUserWithApiKey, type SeededTenant } from "../../scripts/lib/seed.ts";
import { startTestInfra, type TestInfra } from "../../test/support/test-infra.ts";
import type { WorkerSpec } from "./workerd.ts";

export const OUT = "bench/out";

/**
 * `wrangler deploy --dry-run` bundles of the API and of the bare Hono baseline. `readable`: without wrangler.toml's
 * minify, so a CPU profile names the functions (bench/profile.ts).
 */
export function buildBundles({ readable = false } = {}) {
  const flags = readable ? ["--minify=false"] : [];
  buildBundle("api", flags);
  buildBundle("bare", [...flags, "--config", "bench/bare/wrangler.toml"]);
}

/**
 * One `wrangler deploy --dry-run` into `bench/out/<name>`, emptied first: wrangler leaves files of earlier builds
 * there, and workerd loads (and compiles) every module of the directory, so a stale `.wasm` (another Prisma
 * compiler build) would be measured too.
 */
export function buildBundle(name: string, flags: string[]): string {
  const dir = resolve(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", ...flags, "--outdir", dir], { stdio: "ignore" });
  return `${OUT}/${name}`;
}

function queueBindings(): string[] {
  const toml = readFileSync("wrangler.toml", "utf8");
  return [...toml.matchAll(/\[\[queues\.producers\]\][^[]*?binding\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
}

export interface BenchApi {
  infra: TestInfra;
  tenant: SeededTenant;
  spec(port: number): WorkerSpec;
}

export async function prepareBenchApi(label: string): Promise<BenchApi> {
  process.env.TEST_REDIS_DB ??= "14";
  const infra = await startTestInfra(label);
  const tenant = await seedUserWithApiKey(infra.databaseUrl, { email: `${label}@example.com`, username: label });
  // Production checks the self-hosted license on API-key requests (Deployment.licenseKey = CALCOM_LICENSE_KEY).
  const licenseKey = `${label}-license-key`;
  await seedLicense(infra.databaseUrl, licenseKey);
  return {
    infra,
    tenant,
    spec: (port) => ({
      name: "api",
      bundleDir: `${OUT}/api`,
      port,
      queues: queueBindings(),
      bindings: {
        ENVIRONMENT: "production",
        CALCOM_LICENSE_KEY: licenseKey,
        DATABASE_URL: infra.databaseUrl,
        NEON_WS_PROXY: infra.wsProxy,
        UPSTASH_REDIS_REST_URL: infra.upstashUrl,
        UPSTASH_REDIS_REST_TOKEN: infra.upstashToken,
        // Limits high enough not to throttle the load; the limiter still runs (one Redis call per request).
        RATE_LIMIT_API_KEY: "1000000000",
        RATE_LIMIT_IP: "1000000000",
        RATE_LIMIT_ACCESS_TOKEN: "1000000000",
        RATE_LIMIT_OAUTH_CLIENT: "1000000000",
      },
    }),
  };
}

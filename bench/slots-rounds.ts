// `npx tsx bench/slots-rounds.ts`: the bare Hono worker and GET /v2/slots (answered from memory after the first
// request) in alternating rounds (ROUNDS, default 2; S seconds each, default 6), one ratio per round, to see how
// much the ratio moves with the machine's other load. NO_BUILD=1 reuses the bundles in bench/out.
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { load, waitForHttp } from "./lib/load.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { startWorkerd } from "./lib/workerd.ts";
if (process.env.NO_BUILD !== "1") buildBundles();
const { infra, tenant, spec } = await prepareBenchApi("rounds");
const fixture = await seedSlotsFixture(infra.databaseUrl, tenant.userId);
const w = startWorkerd([spec(8831), { name: "bare", bundleDir: `${OUT}/bare`, port: 8832 }], OUT);
try {
  await waitForHttp("http://127.0.0.1:8831/health");
  const headers = { "cal-api-version": "2024-09-04" };
  const url = `http://127.0.0.1:8831${fixture.path}`;
  await load("warm", url, { seconds: 2, connections: 4, headers });
  const o = { seconds: Number(process.env.S ?? 6), connections: 32 };
  for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round++) {
    const bare = await load("bare", "http://127.0.0.1:8832/", o);
    const hit = await load("slots", url, { ...o, headers });
    console.log(
      `bare ${bare.requestsPerSecond}  slots ${hit.requestsPerSecond} (${((hit.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}%) p99 ${hit.p99Ms} vs bare ${bare.p99Ms} (${(hit.p99Ms / bare.p99Ms).toFixed(1)}×) non2xx ${hit.non2xx}`,
    );
  }
} finally {
  w.kill();
  await Promise.race([infra.stop(), new Promise((r) => setTimeout(r, 5000))]);
}
process.exit(0);

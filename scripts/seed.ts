// `npm run db:seed [-- --email a@b.c --username name]`: one user + API key, printed as one JSON line.
import { parseArgs } from "node:util";
import { seedUserWithApiKey } from "./lib/seed.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
const { values } = parseArgs({
  options: { email: { type: "string" }, username: { type: "string" }, name: { type: "string" }, "time-zone": { type: "string" } },
});
const tenant = await seedUserWithApiKey(url, {
  email: values.email,
  username: values.username,
  name: values.name,
  timeZone: values["time-zone"],
  apiKeyPrefix: process.env.API_KEY_PREFIX,
});
console.log(JSON.stringify(tenant));

// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { applyMigrations } from "./lib/migrate.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
const applied = await applyMigrations(url, (line) => console.log(line));
console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");

// The baseline: a bare Hono worker answering JSON, measured in the same run as the API.
import { Hono } from "hono";

const app = new Hono();
app.get("*", (c) => c.json({ status: "success", data: { ok: true } }));

export default app;

// A local stand-in for Neon's edge endpoints in front of a plain Postgres, so the Worker talks to the
// database exactly as it does in production:
// - WebSocket→TCP (`/v1?address=host:port`) for the driver's Pool (interactive transactions);
// - HTTP `POST /sql` in Neon's query-over-HTTP format (one-shot queries and non-interactive batches),
//   served from a pooled pg connection, as Neon's own HTTP endpoint is.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { connect } from "node:net";
import pg from "pg";
import type * as WsModule from "ws";

// Loaded with Node's require: under Vitest's workers project, Vite would resolve `ws` to its browser stub.
const { WebSocketServer } = createRequire(import.meta.url)("ws") as typeof WsModule;

export interface NeonLocal {
  port: number;
  close(): Promise<void>;
}

// Neon returns every value as Postgres text; the driver parses it by type oid.
const rawText = { getTypeParser: () => (value: string) => value };

const PG_ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

interface SqlQuery {
  query: string;
  params?: unknown[];
}

function formatResult(result: pg.QueryResult) {
  return {
    command: result.command,
    rowCount: result.rowCount,
    rowAsArray: true,
    rows: result.rows,
    fields: result.fields.map((f) => ({
      name: f.name,
      tableID: f.tableID,
      columnID: f.columnID,
      dataTypeID: f.dataTypeID,
      dataTypeSize: f.dataTypeSize,
      dataTypeModifier: f.dataTypeModifier,
      format: f.format,
    })),
  };
}

const run = (client: pg.Pool | pg.PoolClient, q: SqlQuery) => client.query({ text: q.query, values: q.params ?? [], rowMode: "array", types: rawText });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startNeonLocal(port = 0, host = "127.0.0.1"): Promise<NeonLocal> {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (connectionString: string) => {
    let pool = pools.get(connectionString);
    if (!pool) {
      pool = new pg.Pool({ connectionString, max: 10 });
      pool.on("error", () => {}); // an idle client dropped by the server; the pool replaces it
      pools.set(connectionString, pool);
    }
    return pool;
  };

  const handleSql = async (req: IncomingMessage, res: ServerResponse) => {
    const connectionString = req.headers["neon-connection-string"];
    if (typeof connectionString !== "string") return sendJson(res, 400, { message: "Neon-Connection-String header required" });
    const pool = poolFor(connectionString);
    const body = JSON.parse(await readBody(req)) as SqlQuery | { queries: SqlQuery[] };
    try {
      if (!("queries" in body)) return sendJson(res, 200, formatResult(await run(pool, body)));
      const client = await pool.connect();
      try {
        const isolation = req.headers["neon-batch-isolation-level"];
        const readOnly = req.headers["neon-batch-read-only"] === "true";
        const modes = [
          typeof isolation === "string" ? `ISOLATION LEVEL ${isolation.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()}` : "",
          readOnly ? "READ ONLY" : "",
        ].filter(Boolean);
        await client.query(`BEGIN ${modes.join(" ")}`);
        const results = [];
        for (const q of body.queries) results.push(formatResult(await run(client, q)));
        await client.query("COMMIT");
        return sendJson(res, 200, { results });
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      const pgError = error as Record<string, unknown> & Error;
      const fields = Object.fromEntries(PG_ERROR_FIELDS.map((k) => [k, pgError[k]]).filter(([, v]) => v !== undefined));
      return sendJson(res, 400, { message: pgError.message, ...fields });
    }
  };

  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && (req.url ?? "").startsWith("/sql")) {
      handleSql(req, res).catch((error: Error) => sendJson(res, 500, { message: error.message }));
      return;
    }
    res.writeHead(426).end("websocket or POST /sql");
  });

  const wss = new WebSocketServer({ server });
  wss.on("connection", (ws, req) => {
    const address = new URL(req.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const [targetHost, targetPort] = address.split(":");
    if (!targetHost || !targetPort) return ws.close(1008, "address required");
    const socket = connect(Number(targetPort), targetHost);
    socket.setNoDelay(true);
    const pending: Buffer[] = [];
    socket.on("connect", () => {
      for (const chunk of pending.splice(0)) socket.write(chunk);
    });
    ws.on("message", (data: Buffer) => {
      if (socket.connecting) pending.push(data);
      else socket.write(data);
    });
    socket.on("data", (chunk) => ws.send(chunk));
    socket.on("close", () => ws.close());
    socket.on("error", () => ws.close());
    ws.on("close", () => socket.destroy());
    ws.on("error", () => socket.destroy());
  });

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  // Idempotent: `npm run dev` may be stopped by Ctrl-C and by wrangler's exit at the same time, and pg's
  // Pool.end() rejects a second call ("Called end on pool more than once").
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      // Then the HTTP connections still open are dropped: a workerd stopped with SIGTERM drains, waiting for its
      // keep-alive connections to end, while server.close() alone waits for them too (a bench hung at its exit).
      void Promise.allSettled([...pools.values()].map((p) => p.end())).then(() => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    });
    return closing;
  };
  return { port: typeof address === "object" && address ? address.port : port, close };
}

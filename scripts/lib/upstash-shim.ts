// A small Upstash-REST-compatible server in front of a real Redis (Upstash has no local emulator).
// Speaks what @upstash/redis and @upstash/ratelimit use: POST / (one command), /pipeline, /multi-exec,
// Bearer token auth, and the `Upstash-Encoding: base64` response encoding.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import Redis from "ioredis";

export interface UpstashShim {
  port: number;
  url: string;
  token: string;
  close(): Promise<void>;
}

type RedisReply = Buffer | string | number | null | RedisReply[];

function encodeReply(reply: unknown, base64: boolean): unknown {
  if (reply instanceof Uint8Array) return Buffer.from(reply).toString(base64 ? "base64" : "utf8");
  if (Array.isArray(reply)) return reply.map((item) => encodeReply(item, base64));
  return reply;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function toArgs(command: unknown): string[] {
  if (!Array.isArray(command) || command.length === 0) throw new Error("ERR command must be a non-empty array");
  return command.map((part) => (typeof part === "string" ? part : JSON.stringify(part)));
}

export async function startUpstashShim(options: { redisUrl?: string; token?: string; port?: number; host?: string } = {}): Promise<UpstashShim> {
  const token = options.token ?? "local-upstash-token";
  const redis = new Redis(options.redisUrl ?? "redis://127.0.0.1:6379", { lazyConnect: false, maxRetriesPerRequest: 1 });

  // Upstash accepts Lua shebang flags that Redis 7.0 rejects (@upstash/ratelimit sends `allow-key-locking`).
  // Strip them, and remember which server-side sha the client's sha maps to so EVALSHA keeps working.
  const shaAliases = new Map<string, string>();
  const adaptScript = (args: string[]): string[] => {
    const [name, script, ...rest] = args;
    const command = name!.toUpperCase();
    if ((command === "EVAL" || command === "EVAL_RO") && script?.startsWith("#!lua")) {
      const newline = script.indexOf("\n");
      const stripped = "#!lua\n" + script.slice(newline + 1);
      shaAliases.set(createHash("sha1").update(script).digest("hex"), createHash("sha1").update(stripped).digest("hex"));
      return [name!, stripped, ...rest];
    }
    if ((command === "EVALSHA" || command === "EVALSHA_RO") && script && shaAliases.has(script.toLowerCase())) {
      return [name!, shaAliases.get(script.toLowerCase())!, ...rest];
    }
    return args;
  };

  const run = async (input: string[]): Promise<{ result?: unknown; error?: string }> => {
    try {
      const args = adaptScript(input);
      const [name, ...rest] = args;
      return { result: (await redis.callBuffer(name!, ...rest)) as RedisReply };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const encode = (r: { result?: unknown; error?: string }) => (r.error !== undefined ? { error: r.error } : { result: encodeReply(r.result, base64) });
    try {
      const body = await readJson(req);
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/pipeline" || path === "/multi-exec") {
        if (!Array.isArray(body)) return send(400, { error: "ERR body must be an array of commands" });
        const commands = body.map(toArgs);
        if (path === "/pipeline") return send(200, await Promise.all(commands.map(run)).then((rs) => rs.map(encode)));
        // A connection of its own, so no other request's command lands inside this transaction.
        const connection = redis.duplicate();
        try {
          await connection.callBuffer("MULTI");
          const queued = await Promise.all(
            commands.map(async ([name, ...rest]) => {
              try {
                await connection.callBuffer(name!, ...rest);
                return undefined;
              } catch (error) {
                return (error as Error).message;
              }
            }),
          );
          const results = ((await connection.callBuffer("EXEC")) as RedisReply[] | null) ?? [];
          return send(
            200,
            results.map((result, i) => encode(queued[i] ? { error: queued[i] } : { result })),
          );
        } finally {
          connection.disconnect();
        }
      }
      const reply = await run(toArgs(body));
      return send(reply.error !== undefined ? 400 : 200, encode(reply));
    } catch (error) {
      return send(400, { error: `ERR ${(error as Error).message}` });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    token,
    close: async () => {
      // Connections still open are dropped: a workerd stopped with SIGTERM drains, waiting for its keep-alive
      // connections to end, while close() alone waits for them too (a bench then hung at its exit).
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      redis.disconnect();
    },
  };
}

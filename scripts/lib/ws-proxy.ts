// WebSocket→TCP proxy for the Neon serverless driver, so the Worker reaches a plain local Postgres the way it
// reaches Neon in production. The driver connects to ws://<proxy>/v1?address=<host>:<port> (neonConfig.wsProxy).
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { createRequire } from "node:module";
import type * as WsModule from "ws";

// Loaded with Node's require: under Vitest's workers project, Vite would resolve `ws` to its browser stub.
const { WebSocketServer } = createRequire(import.meta.url)("ws") as typeof WsModule;

export interface WsProxy {
  port: number;
  close(): Promise<void>;
}

export async function startWsProxy(port = 0, host = "127.0.0.1"): Promise<WsProxy> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(426).end("websocket only");
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
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

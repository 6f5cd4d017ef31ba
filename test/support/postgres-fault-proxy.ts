// A TCP proxy in front of the test Postgres that tests can switch off and on, run in Node by vitest's global setup
// (the tests themselves run inside workerd). A Worker given a DATABASE_URL through it sees a database that goes
// away and comes back on the same address, as in an outage or a failover:
//
//   POST /down   refuse new connections and cut every open one (what clients see when Postgres goes away)
//   POST /up     forward connections again
//   GET  /state  {up, connections}
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** host:port of the proxy (put it in place of 127.0.0.1:5432 in DATABASE_URL). */
    postgresFaultProxy: string;
    /** Base URL of the proxy's control endpoint. */
    postgresFaultControlUrl: string;
  }
}

const POSTGRES = { host: "127.0.0.1", port: 5432 };

export interface PostgresFaultProxy {
  address: string;
  controlUrl: string;
  close(): Promise<void>;
}

export async function startPostgresFaultProxy(): Promise<PostgresFaultProxy> {
  let up = true;
  const open = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const server = createConnection(POSTGRES);
    open.add(client);
    open.add(server);
    const cut = () => {
      client.destroy();
      server.destroy();
      open.delete(client);
      open.delete(server);
    };
    client.on("error", cut).on("close", cut);
    server.on("error", cut).on("close", cut);
    client.pipe(server);
    server.pipe(client);
  });
  const control: HttpServer = createHttpServer((request, response) => {
    if (request.method === "POST" && request.url === "/down") {
      up = false;
      for (const socket of open) socket.destroy();
      open.clear();
    } else if (request.method === "POST" && request.url === "/up") {
      up = true;
    } else if (!(request.method === "GET" && request.url === "/state")) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ up, connections: open.size / 2 }));
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const port = (server: Server | HttpServer) => (server.address() as { port: number }).port;
  return {
    address: `127.0.0.1:${port(proxy)}`,
    controlUrl: `http://127.0.0.1:${port(control)}`,
    async close() {
      for (const socket of open) socket.destroy();
      await Promise.all([new Promise((resolve) => proxy.close(resolve)), new Promise((resolve) => control.close(resolve))]);
    },
  };
}

export default async function setup(project: TestProject) {
  const started = await startPostgresFaultProxy();
  project.provide("postgresFaultProxy", started.address);
  project.provide("postgresFaultControlUrl", started.controlUrl);
  return () => started.close();
}

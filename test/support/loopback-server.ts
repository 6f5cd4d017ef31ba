// The local servers the test setup starts (fakes of external APIs, receivers): bound to a free loopback port, closed
// with their keep-alive connections (workerd keeps them open, and server.close alone would wait for them).
import type { IncomingMessage, Server } from "node:http";

export interface LoopbackServer {
  url: string;
  close: () => Promise<void>;
}

export async function listenOnLoopback(server: Server, name: string): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error(`${name} did not bind`);
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request's whole body (the fakes record or parse it). */
export async function readBodyBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const readBody = async (request: IncomingMessage): Promise<string> => (await readBodyBytes(request)).toString("utf8");

// Serves bundles made by `wrangler deploy --dry-run --outdir …` under a plain `workerd serve`, the way
// Cloudflare runs them (no wrangler dev overhead).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export interface WorkerSpec {
  name: string;
  bundleDir: string;
  port: number;
  bindings?: Record<string, string>;
  queues?: string[]; // producer binding names, pointed at a sink service
  // Producer binding name → a local broker (bench/lib/queue-broker.js) that hands the messages to this worker's
  // own `queue` handler; the broker answers POST /flush and GET /stats on `port`.
  queueBroker?: { binding: string; queue: string; deadLetterQueue: string; maxBatchSize: number; maxRetries: number; port: number };
}

const capnpString = (value: string) => JSON.stringify(value);

function workerBlock(spec: WorkerSpec, configDir: string) {
  const modules = readdirSync(spec.bundleDir)
    .filter((file) => file.endsWith(".js") || file.endsWith(".mjs") || file.endsWith(".wasm"))
    .sort((a, b) => (a === "index.js" ? -1 : b === "index.js" ? 1 : a.localeCompare(b)))
    .map((file) => {
      // embed paths are resolved relative to the config file
      const path = capnpString(relative(configDir, resolve(spec.bundleDir, file)));
      return file.endsWith(".wasm") ? `(name = ${capnpString(file)}, wasm = embed ${path})` : `(name = ${capnpString(file)}, esModule = embed ${path})`;
    });
  const bindings = [
    ...Object.entries(spec.bindings ?? {}).map(([name, value]) => `(name = ${capnpString(name)}, text = ${capnpString(value)})`),
    ...(spec.queues ?? []).filter((name) => name !== spec.queueBroker?.binding).map((name) => `(name = ${capnpString(name)}, queue = "sink")`),
    ...(spec.queueBroker ? [`(name = ${capnpString(spec.queueBroker.binding)}, queue = "${spec.name}Broker")`] : []),
  ];
  return `const ${spec.name}Worker :Workerd.Worker = (
  modules = [${modules.join(", ")}],
  compatibilityDate = "2026-11-01",
  bindings = [${bindings.join(", ")}],
  globalOutbound = "internet",
);`;
}

// The queue binding needs a service answering Queues' producer protocol; this one accepts and drops. It reads the
// body first: answering an unread sendBatch body left the producer's request (and the booking awaiting it) hanging.
const SINK = `const sinkWorker :Workerd.Worker = (
  modules = [(name = "sink.js", esModule = "export default { async fetch(request) { await request.arrayBuffer(); return Response.json({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0, oldestMessageTimestamp: 0 } } }); } };")],
  compatibilityDate = "2026-11-01",
);`;

function brokerBlock(spec: WorkerSpec, configDir: string) {
  const broker = spec.queueBroker!;
  const path = capnpString(relative(configDir, resolve("bench/lib/queue-broker.js")));
  const text = (name: string, value: string | number) => `(name = ${capnpString(name)}, text = ${capnpString(String(value))})`;
  return `const ${spec.name}BrokerWorker :Workerd.Worker = (
  modules = [(name = "queue-broker.js", esModule = embed ${path})],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = ["service_binding_extra_handlers"],
  bindings = [(name = "CONSUMER", service = ${capnpString(spec.name)}), ${text("QUEUE_NAME", broker.queue)}, ${text("DEAD_LETTER_QUEUE", broker.deadLetterQueue)}, ${text("MAX_BATCH_SIZE", broker.maxBatchSize)}, ${text("MAX_RETRIES", broker.maxRetries)}],
);`;
}

/** Writes a workerd config serving `workers`; returns its path. */
export function writeWorkerdConfig(workers: WorkerSpec[], outDir: string): string {
  const usesQueues = workers.some((w) => (w.queues ?? []).length > 0);
  const brokered = workers.filter((w) => w.queueBroker);
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  ${process.env.WORKERD_V8_FLAGS ? `v8Flags = ${JSON.stringify(process.env.WORKERD_V8_FLAGS.split(" "))},` : ""}
  services = [
    ${workers.map((w) => `(name = ${capnpString(w.name)}, worker = .${w.name}Worker),`).join("\n    ")}
    ${usesQueues ? '(name = "sink", worker = .sinkWorker),' : ""}
    ${brokered.map((w) => `(name = "${w.name}Broker", worker = .${w.name}BrokerWorker),`).join("\n    ")}
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [
    ${workers.map((w) => `(name = ${capnpString(w.name)}, address = "127.0.0.1:${w.port}", http = (), service = ${capnpString(w.name)}),`).join("\n    ")}
    ${brokered.map((w) => `(name = "${w.name}Broker", address = "127.0.0.1:${w.queueBroker!.port}", http = (), service = "${w.name}Broker"),`).join("\n    ")}
  ],
);
${workers.map((w) => workerBlock(w, resolve(outDir))).join("\n")}
${usesQueues ? SINK : ""}
${brokered.map((w) => brokerBlock(w, resolve(outDir))).join("\n")}
`;
  const configPath = join(outDir, "workerd.capnp");
  writeFileSync(configPath, config);
  return configPath;
}

export function startWorkerd(workers: WorkerSpec[], outDir: string): ChildProcess {
  const configPath = writeWorkerdConfig(workers, outDir);
  return spawn(resolve("node_modules/.bin/workerd"), ["serve", configPath, "--experimental"], {
    stdio: ["ignore", process.env.WORKERD_V8_FLAGS ? "inherit" : "ignore", "inherit"],
  });
}

/** User and system CPU time (ms) a process has used so far (Linux /proc; clock ticks are 100 Hz there). */
export function processCpuTimesMs(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start at ") "; utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

/** User + system CPU time (ms) a process has used so far. */
export function processCpuMs(pid: number): number {
  const { user, system } = processCpuTimesMs(pid);
  return user + system;
}

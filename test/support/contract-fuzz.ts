// A request generator driven by the contract (contract/calcom-api-v2-openapi.json): for an operation, requests
// built from its documented path/query parameters and JSON body schema, then mutated the ways real clients and
// attackers get input wrong (wrong types, huge strings, unicode, nulls, extra fields, deep nesting, bad dates,
// negative and enormous numbers). Deterministic for a seed, so a failing request replays.
import contract from "../../contract/calcom-api-v2-openapi.json";
import type { Random } from "./property";

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface ContractOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const doc = contract as unknown as { paths: Record<string, Record<string, ContractOperation>>; components: { schemas: Record<string, Schema> } };

/** The contract's operation for a method and path, if documented. */
export function contractOperation(method: string, path: string): ContractOperation | undefined {
  return doc.paths[path]?.[method.toLowerCase()];
}

function resolve(schema: Schema | undefined, depth = 0): Schema {
  let current = schema ?? {};
  for (let i = 0; current.$ref && i < 10; i++) current = doc.components.schemas[current.$ref.split("/").pop()!] ?? {};
  if (current.allOf && depth < 6) {
    const merged: Schema = { type: "object", properties: {}, required: [] };
    for (const part of current.allOf.map((s) => resolve(s, depth + 1))) {
      Object.assign(merged.properties!, part.properties ?? {});
      merged.required!.push(...(part.required ?? []));
    }
    return merged;
  }
  return current;
}

const STRANGE_STRINGS = [
  "",
  " ",
  "x".repeat(10_000),
  "ünïcödé ✓ 日本語 🎉",
  "\u202e\u200b\ufeff",
  "'; DROP TABLE users; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%",
  "null",
  "-1",
  "1e309",
  "9999-12-31T23:59:59Z",
  "0000-00-00",
  "2024-02-30T25:61:00Z",
  "not-a-date",
  "a@b",
  "\ud800",
];
const STRANGE_NUMBERS = [-1, 0, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 0.5, Number.MAX_SAFE_INTEGER];

function futureIso(random: Random) {
  return new Date(Date.UTC(2031, random.int(0, 11), random.int(1, 28), random.int(0, 23), random.pick([0, 15, 30, 45]))).toISOString();
}

/** A plausible value for a schema (what a correct client would send), with ids taken from `ids` when named so. */
export function plausible(schema: Schema | undefined, random: Random, ids: Record<string, unknown>, name = "", depth = 0): unknown {
  const s = resolve(schema, depth);
  if (name && name in ids && random.chance(0.8)) return ids[name];
  if (s.example !== undefined && random.chance(0.5)) return s.example;
  if (s.enum?.length) return random.pick(s.enum);
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) return plausible(random.pick(variants), random, ids, name, depth + 1);
  switch (s.type) {
    case "string":
      if (s.format === "date-time" || /(start|end|time|date|At|after|before)$/i.test(name)) return futureIso(random);
      if (s.format === "email" || /email/i.test(name)) return `fuzz${random.int(1, 999)}@example.com`;
      if (/timeZone/i.test(name)) return random.pick(["Europe/London", "America/New_York", "Asia/Kolkata"]);
      return random.pick(["fuzz", "Fuzz name", "fuzz-slug", "1"]);
    case "integer":
    case "number":
      return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 60, random.int(1, 60)));
    case "boolean":
      return random.chance(0.5);
    case "array":
      return depth > 4 ? [] : Array.from({ length: random.int(0, 2) }, () => plausible(s.items, random, ids, name, depth + 1));
    default: {
      if (depth > 4 || !s.properties) return {};
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(s.properties)) {
        if (s.required?.includes(key) || random.chance(0.5)) out[key] = plausible(property, random, ids, key, depth + 1);
      }
      return out;
    }
  }
}

/** A wrong value: another type, a strange string or number, a null, a deep nest. */
export function mutant(random: Random): unknown {
  switch (random.int(0, 7)) {
    case 0:
      return random.pick(STRANGE_STRINGS);
    case 1:
      return random.pick(STRANGE_NUMBERS);
    case 2:
      return null;
    case 3:
      return random.chance(0.5);
    case 4: {
      let nested: unknown = "deep";
      for (let i = 0; i < 200; i++) nested = { a: nested };
      return nested;
    }
    case 5:
      return [random.pick(STRANGE_STRINGS), random.pick(STRANGE_NUMBERS), null];
    case 6:
      return { unexpected: random.pick(STRANGE_STRINGS), __proto__x: 1, constructor: "x" };
    default:
      return Array.from({ length: 2000 }, (_, i) => i);
  }
}

/** Mutates a plausible body: a field replaced, removed or added, or the whole body replaced. */
function mutateBody(body: unknown, random: Random): unknown {
  if (random.chance(0.15)) return mutant(random);
  if (body === null || typeof body !== "object" || Array.isArray(body)) return random.chance(0.5) ? mutant(random) : body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const edits = random.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const choice = random.int(0, 2);
    if (choice === 0 && keys.length) copy[random.pick(keys)] = mutant(random);
    else if (choice === 1 && keys.length) delete copy[random.pick(keys)];
    else copy[`extra${random.int(0, 99)}`] = mutant(random);
  }
  return copy;
}

const stringOf = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export interface FuzzRequest {
  method: string;
  path: string;
  version?: string;
  body?: unknown;
  rawBody?: string;
  authenticated: boolean;
}

/**
 * `count` requests for one operation: about a third plausible, the rest mutated in the path, the query or the
 * body; half of them without credentials on authenticated operations is wasteful, so one in four.
 */
export function fuzzRequests(
  operation: { method: string; path: string; version?: string },
  random: Random,
  ids: Record<string, unknown>,
  count: number,
): FuzzRequest[] {
  const documented = contractOperation(operation.method, operation.path);
  const parameters = documented?.parameters ?? [];
  const bodySchema = documented?.requestBody?.content?.["application/json"]?.schema;
  const requests: FuzzRequest[] = [];
  for (let n = 0; n < count; n++) {
    const mutate = n > 0 && random.chance(0.7);
    const target = mutate ? random.pick(["path", "query", "body", "raw"] as const) : null;
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value =
        target === "path" && random.chance(0.6) ? stringOf(mutant(random)).slice(0, 300) : stringOf(plausible({ type: "string" }, random, ids, name));
      // Cutting a mutant at 300 may split a surrogate pair: a lone surrogate cannot be percent-encoded (URIError),
      // and no client could send it either, so it becomes U+FFFD as a UTF-8 encoder would make it.
      return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
    });
    const query = new URLSearchParams();
    for (const parameter of parameters.filter((p) => p.in === "query")) {
      if (!parameter.required && !random.chance(0.5)) continue;
      const value = target === "query" && random.chance(0.5) ? mutant(random) : plausible(parameter.schema, random, ids, parameter.name);
      if (Array.isArray(value)) for (const item of value.slice(0, 5)) query.append(parameter.name, stringOf(item).slice(0, 2000));
      else query.set(parameter.name, stringOf(value).slice(0, 5000));
    }
    const queryText = query.toString();
    const hasBody = operation.method !== "GET" && operation.method !== "DELETE";
    let body: unknown;
    let rawBody: string | undefined;
    if (hasBody) {
      body = plausible(bodySchema ?? { type: "object" }, random, ids);
      if (target === "body") body = mutateBody(body, random);
      if (target === "raw") rawBody = random.pick(["{", "[1,2", "null", '"str"', '{"a":}', "\u0000", "{}".repeat(5000)]);
    }
    requests.push({
      method: operation.method,
      path: queryText ? `${path}?${queryText}` : path,
      version: operation.version,
      ...(rawBody !== undefined ? { rawBody } : hasBody ? { body } : {}),
      authenticated: !random.chance(0.25),
    });
  }
  return requests;
}

// Cal.com renders a webhook's payloadTemplate with Handlebars over {...payload, triggerEvent, createdAt}.
// We implement the part templates use in practice, without a dependency: `{{path.to.value}}` and
// `{{{path}}}` (dots or `[n]` index into arrays, e.g. `{{attendees.0.name}}`). Other mustache syntax
// (blocks, helpers, partials) is left in the output as written.
//
// As in Cal.com, a template that parses as JSON is sent as application/json (re-serialised compactly), any
// other as application/x-www-form-urlencoded. Differences, on purpose: values are not HTML-escaped, and in a
// JSON template they are JSON-escaped, so a quote in a name cannot break the JSON (Cal.com then sends `false`);
// objects and arrays render as JSON text rather than "[object Object]".
import type { WebhookEnvelope } from "./messages";

export type WebhookContentType = "application/json" | "application/x-www-form-urlencoded";

export interface RenderedWebhookBody {
  body: string;
  contentType: WebhookContentType;
}

const TAG = /\{\{(\{?)\s*([^{}]*?)\s*\}?\}\}/g;
const PATH = /^[A-Za-z_$@][\w$@-]*(?:\.(?:[\w$@-]+|\[\d+\]))*$/;

function parsesAsJson(text: string): boolean {
  try {
    return Boolean(JSON.parse(text));
  } catch {
    return false;
  }
}

export function lookupPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const rawSegment of path.split(".")) {
    const segment = rawSegment.replace(/^\[(\d+)\]$/, "$1");
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

export function renderTemplate(template: string, data: unknown, escapeForJsonString: boolean): string {
  return template.replace(TAG, (tag, _triple: string, expression: string) => {
    if (!PATH.test(expression)) return tag;
    const text = asText(lookupPath(data, expression));
    return escapeForJsonString ? JSON.stringify(text).slice(1, -1) : text;
  });
}

export function renderWebhookBody(envelope: WebhookEnvelope, template: string | null | undefined): RenderedWebhookBody {
  if (!template) return { body: JSON.stringify(envelope), contentType: "application/json" };
  const payload = envelope.payload !== null && typeof envelope.payload === "object" ? envelope.payload : {};
  const data = { ...payload, triggerEvent: envelope.triggerEvent, createdAt: envelope.createdAt };
  if (!parsesAsJson(template)) {
    return { body: renderTemplate(template, data, false), contentType: "application/x-www-form-urlencoded" };
  }
  const rendered = renderTemplate(template, data, true);
  try {
    return { body: JSON.stringify(JSON.parse(rendered)), contentType: "application/json" };
  } catch {
    return { body: rendered, contentType: "application/json" };
  }
}

import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "../../../src/queues/backoff";
import { lookupPath, renderWebhookBody } from "../../../src/webhooks/template";

const envelope = {
  triggerEvent: "BOOKING_CREATED",
  createdAt: "2026-11-26T09:00:00.000Z",
  payload: { title: "Intro", attendees: [{ name: "Ann" }, { name: "Bo" }], price: 0, paid: false, metadata: { a: 1 } },
};

describe("renderWebhookBody", () => {
  it("sends Cal.com's envelope as JSON without a template", () => {
    expect(renderWebhookBody(envelope, null)).toEqual({ body: JSON.stringify(envelope), contentType: "application/json" });
  });

  it("renders a JSON template compactly, JSON-escaping values", () => {
    const template =
      '{ "t": "{{title}}", "second": "{{attendees.1.name}}", "bracket": "{{attendees.[0].name}}", "n": "{{price}}", "b": "{{paid}}", "m": "{{metadata}}", "ev": "{{ triggerEvent }}", "at": "{{createdAt}}" }';
    const { body, contentType } = renderWebhookBody(envelope, template);
    expect(contentType).toBe("application/json");
    expect(body).toBe(
      JSON.stringify({ t: "Intro", second: "Bo", bracket: "Ann", n: "0", b: "false", m: '{"a":1}', ev: "BOOKING_CREATED", at: "2026-11-26T09:00:00.000Z" }),
    );
  });

  it("keeps quotes and backslashes in values from breaking the JSON", () => {
    const { body } = renderWebhookBody({ ...envelope, payload: { title: 'He said "hi" \\o/' } }, '{"t":"{{title}}"}');
    expect(JSON.parse(body)).toEqual({ t: 'He said "hi" \\o/' });
  });

  it("leaves unsupported mustache syntax as written (plain paths inside it still resolve from the top)", () => {
    const { body, contentType } = renderWebhookBody(envelope, "{{#each attendees}}{{name}}{{/each}}|{{> partial}}|{{title}}");
    expect(contentType).toBe("application/x-www-form-urlencoded");
    expect(body).toBe("{{#each attendees}}{{/each}}|{{> partial}}|Intro");
  });

  it("does not reach into prototypes", () => {
    expect(lookupPath({ a: {} }, "a.constructor")).toBeUndefined();
    expect(lookupPath({ a: [] }, "a.__proto__")).toBeUndefined();
  });
});

describe("retryDelaySeconds", () => {
  it("is 2**attempts, capped", () => {
    expect([1, 2, 3, 4, 9, 10, 11].map((attempts) => retryDelaySeconds(attempts, 600))).toEqual([2, 4, 8, 16, 512, 600, 600]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, V, type Host } from "../../helpers/bookings";
import { sql } from "../../helpers/fixtures";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(5);
const key = () => `idem-${crypto.randomUUID()}`;

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

const bookingsAt = async (start: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM "Booking" WHERE "userId" = ${host.userId} AND "startTime" = ${new Date(start)}`)[0]!.n;

describe("Idempotency-Key on POST", () => {
  it("a retry after success replays the first response byte for byte, without booking twice", async () => {
    const k = key();
    const body = { start: at(monday, 0, 9), eventTypeId, attendee: attendee() };
    const first = await book(body, { headers: { "Idempotency-Key": k } });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // Same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await book(reordered, { headers: { "Idempotency-Key": k } });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("content-type")).toContain("application/json");
    // A replay is answered by the pipeline like any response: CORS, rate-limit, security headers and request id.
    for (const header of ["access-control-allow-origin", "ratelimit", "x-ratelimit-remaining-default", "x-content-type-options", "x-request-id"]) {
      expect(retry.headers.get(header), header).not.toBeNull();
    }
    expect(await bookingsAt(body.start)).toBe(1);
  });

  it("the same key with a different body is a 422, and books nothing", async () => {
    const k = key();
    const first = await book({ start: at(monday, 0, 10), eventTypeId, attendee: attendee() }, { headers: { "Idempotency-Key": k } });
    expect(first.status).toBe(201);
    const other = await book({ start: at(monday, 0, 11), eventTypeId, attendee: attendee() }, { headers: { "Idempotency-Key": k } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("UnprocessableEntityException");
    expect(other.body.error.message).toContain("Idempotency-Key");
    expect(await bookingsAt(at(monday, 0, 11))).toBe(0);
  });

  it("concurrent duplicates: one booking; the others replay it or are told it is in flight (409)", async () => {
    const k = key();
    const body = { start: at(monday, 1, 9), eventTypeId, attendee: attendee() };
    const results = await Promise.all(Array.from({ length: 6 }, () => book(body, { headers: { "Idempotency-Key": k } })));
    const created = results.filter((r) => r.status === 201);
    const inFlight = results.filter((r) => r.status === 409);
    expect(created.length + inFlight.length).toBe(6);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    for (const r of inFlight) expect(r.body.error.message).toContain("still being processed");
    expect(await bookingsAt(body.start)).toBe(1);
  });

  it("the same key from another caller is another request", async () => {
    const k = key();
    const other = await createHost();
    const a = await book({ start: at(monday, 1, 13), eventTypeId, attendee: attendee() }, { headers: { "Idempotency-Key": k } });
    const b = await book({ start: at(monday, 1, 13), eventTypeId, attendee: attendee() }, { key: other.apiKey, headers: { "Idempotency-Key": k } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(409); // a real second attempt at the taken slot, not a replay
    expect(b.headers.get("idempotent-replayed")).toBeNull();
  });

  it("a business error is kept too: the retry replays the 409", async () => {
    const k = key();
    const start = at(monday, 2, 9);
    expect((await book({ start, eventTypeId, attendee: attendee() })).status).toBe(201);
    const late = { start, eventTypeId, attendee: attendee("Late") };
    const first = await book(late, { headers: { "Idempotency-Key": k } });
    expect(first.status).toBe(409);
    const retry = await book(late, { headers: { "Idempotency-Key": k } });
    expect(retry.status).toBe(409);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("works on every POST, e.g. cancel, and rejects a malformed key with 400", async () => {
    const created = await book({ start: at(monday, 2, 11), eventTypeId, attendee: attendee() });
    const uid = created.body.data.uid;
    const k = key();
    const cancel = () =>
      api(`/v2/bookings/${uid}/cancel`, { method: "POST", version: V, body: { cancellationReason: "plans changed" }, headers: { "Idempotency-Key": k } });
    const first = await cancel();
    expect(first.status, first.text).toBe(200);
    const retry = await cancel();
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);

    const bad = await api(`/v2/bookings/${uid}/cancel`, { method: "POST", version: V, body: {}, headers: { "Idempotency-Key": "has space" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("Idempotency-Key");
  });

  it("is documented as a header on each POST operation", async () => {
    const doc = await api("/docs/openapi.json");
    const post = doc.body.paths["/v2/bookings"].post;
    expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Idempotency-Key", in: "header" })]));
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["409", "422"]));
  });
});

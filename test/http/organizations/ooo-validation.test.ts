import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createOrganization, type OrganizationFixture } from "../../helpers/fixtures";

// Bad input to Orgs / Users / OOO: 400 naming the field, never a 500.

let org: OrganizationFixture;
let path: string;

beforeAll(async () => {
  org = await createOrganization();
  path = `/v2/organizations/${org.organizationId}/users/${org.owner.userId}/ooo`;
  // The first request compiles Prisma's wasm: paid here, not by the first test.
  await api(path, { key: org.owner.apiKey });
}, 120_000);

const post = (body: unknown) => api(path, { key: org.owner.apiKey, body });

describe("create body", () => {
  it.each([
    ["a date without time", { start: "2030-01-01", end: "2030-01-02T00:00:00Z" }, "start - Invalid Date."],
    ["an offset instead of Z", { start: "2030-01-01T00:00:00+02:00", end: "2030-01-02T00:00:00Z" }, "start - Invalid Date."],
    ["an impossible date", { start: "2030-01-01T00:00:00Z", end: "2030-02-30T00:00:00Z" }, "end - Invalid Date."],
    ["a number", { start: 1, end: "2030-01-02T00:00:00Z" }, "start - Invalid Date."],
    ["a missing end", { start: "2030-01-01T00:00:00Z" }, "end - Invalid Date."],
    ["an unknown reason", { start: "2030-01-01T00:00:00Z", end: "2030-01-02T00:00:00Z", reason: "holiday" }, "reason - reason must be one of"],
    ["a string toUserId", { start: "2030-01-01T00:00:00Z", end: "2030-01-02T00:00:00Z", toUserId: "2" }, "toUserId - toUserId must be an integer number"],
    ["a fractional toUserId", { start: "2030-01-01T00:00:00Z", end: "2030-01-02T00:00:00Z", toUserId: 1.5 }, "toUserId - toUserId must be an integer number"],
    ["numeric notes", { start: "2030-01-01T00:00:00Z", end: "2030-01-02T00:00:00Z", notes: 5 }, "notes - notes must be a string"],
  ])("%s → 400", async (_, body, message) => {
    expect(expectError(await post(body), 400, "BadRequestException").error.message).toContain(message);
  });

  it("malformed JSON → 400, an array body → 400", async () => {
    expect((await api(path, { key: org.owner.apiKey, method: "POST", rawBody: "{", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await post([])).status).toBe(400);
  });
});

describe("query and path", () => {
  it("sortStart/sortEnd other than asc|desc → Cal.com's messages", async () => {
    expect(expectError(await api(`${path}?sortStart=up`, { key: org.owner.apiKey }), 400).error.message).toContain('SortStart must be either "asc" or "desc".');
    expect(expectError(await api(`/v2/organizations/${org.organizationId}/ooo?sortEnd=x`, { key: org.owner.apiKey }), 400).error.message).toContain(
      'SortEnd must be either "asc" or "desc".',
    );
  });

  it("take beyond 250 or below 1, negative skip → 400", async () => {
    for (const query of ["take=251", "take=0", "skip=-1"]) expect((await api(`${path}?${query}`, { key: org.owner.apiKey })).status).toBe(400);
    expect(dataOf(await api(`${path}?take=250&skip=0`, { key: org.owner.apiKey }))).toEqual([]);
  });

  it("non-numeric ids → 400 naming the param", async () => {
    expect(expectError(await api(`${path}/abc`, { method: "DELETE", key: org.owner.apiKey }), 400).error.message).toContain("oooId");
    expect(expectError(await api(`/v2/organizations/${org.organizationId}/users/x/ooo`, { key: org.owner.apiKey }), 400).error.message).toContain("userId");
  });

  it("PATCH with an empty body changes nothing", async () => {
    const created = dataOf<{ id: number; start: string }>(await post({ start: "2030-05-01T00:00:00Z", end: "2030-05-01T00:00:00Z" }), 201);
    expect(dataOf(await api(`${path}/${created.id}`, { method: "PATCH", key: org.owner.apiKey, body: {} }))).toMatchObject({
      id: created.id,
      start: created.start,
    });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { createTeamViaApi, createTenant, sql, type Tenant } from "../../helpers/fixtures";

// Bad input is a 400 naming the field, before anything is written.

let owner: Tenant;
let teamId: number;

beforeAll(async () => {
  owner = await createTenant();
  teamId = (await createTeamViaApi(owner.apiKey)).id;
});

const messageOf = async (path: string, method: string, body?: unknown) => expectError(await api(path, { method, key: owner.apiKey, body }), 400).error.message;

describe("POST /v2/teams", () => {
  it.each([
    [{}, "name"],
    [{ name: "" }, "name"],
    [{ name: 42 }, "name"],
    [{ name: "A", slug: "Not A Slug" }, "slug"],
    [{ name: "A", logoUrl: "not a url" }, "logoUrl"],
    [{ name: "A", timeFormat: 13 }, "timeFormat"],
    [{ name: "A", timeZone: "Mars/Olympus" }, "timeZone"],
    [{ name: "A", weekStart: "Someday" }, "weekStart"],
    [{ name: "A", metadata: { nested: { no: true } } }, "metadata"],
    [{ name: "A", hideBranding: "yes" }, "hideBranding"],
  ])("%j → 400 naming %s", async (body, field) => {
    expect(await messageOf("/v2/teams", "POST", body)).toContain(field);
  });

  it("a name that slugifies to nothing needs a slug", async () => {
    expect(await messageOf("/v2/teams", "POST", { name: "!!!" })).toContain("slug");
  });

  it("nothing is written on a 400", async () => {
    await messageOf("/v2/teams", "POST", { name: "Never written", timeFormat: 7 });
    expect(await sql`SELECT 1 FROM "Team" WHERE "name" = 'Never written'`).toHaveLength(0);
  });
});

describe("PATCH /v2/teams/{teamId}", () => {
  it.each([
    [{ name: "" }, "name"],
    [{ bookingLimits: "[1,2]" }, "bookingLimits"],
    [{ bookingLimits: "not json" }, "bookingLimits"],
    [{ includeManagedEventsInLimits: "true" }, "includeManagedEventsInLimits"],
    [{ bannerUrl: "ftp:/x" }, "bannerUrl"],
  ])("%j → 400 naming %s", async (body, field) => {
    expect(await messageOf(`/v2/teams/${teamId}`, "PATCH", body)).toContain(field);
  });

  it("a malformed team id is a 400 naming teamId", async () => {
    expect(await messageOf("/v2/teams/abc", "GET")).toContain("teamId");
  });
});

describe("memberships", () => {
  it.each([
    [{}, "userId"],
    [{ userId: "7" }, "userId"],
    [{ userId: 1, role: "KING" }, "role"],
    [{ userId: 1, accepted: "yes" }, "accepted"],
    [{ userId: 1, disableImpersonation: 1 }, "disableImpersonation"],
  ])("POST %j → 400 naming %s", async (body, field) => {
    expect(await messageOf(`/v2/teams/${teamId}/memberships`, "POST", body)).toContain(field);
  });

  it("PATCH with a bad role is a 400; a malformed membership id too", async () => {
    expect(await messageOf(`/v2/teams/${teamId}/memberships/1`, "PATCH", { role: "OWNERR" })).toContain("role");
    expect(await messageOf(`/v2/teams/${teamId}/memberships/x`, "GET")).toContain("membershipId");
  });

  it("emails: more than 20 or an invalid one are 400s with Cal.com's messages; take is bounded", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `u${i}@example.com`).join(",");
    expect(await messageOf(`/v2/teams/${teamId}/memberships?emails=${many}`, "GET")).toContain(
      "emails array cannot contain more than 20 email addresses for team membership filtering",
    );
    expect(await messageOf(`/v2/teams/${teamId}/memberships?emails=a@example.com,nope`, "GET")).toContain("Each email must be a valid email address");
    expect(await messageOf(`/v2/teams/${teamId}/memberships?take=251`, "GET")).toContain("take");
    expect(await messageOf(`/v2/teams/${teamId}/schedules?skip=-1`, "GET")).toContain("skip");
  });
});

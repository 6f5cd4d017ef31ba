// /v2/verified-resources: the caller's own emails (code emailed, read back from the local capture) and phone numbers
// (Twilio Verify's local stand-in), every answer checked against the contract (with the errata for `data`).
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createTenant, type Tenant } from "../../helpers/fixtures";
import { emailedCode, expectContract, textedCode, uniqueEmail, uniquePhone } from "../../helpers/verified-resources";

const BASE = "/v2/verified-resources";
const C = "UserVerifiedResourcesController";

let owner: Tenant;
let other: Tenant;

beforeAll(async () => {
  [owner, other] = await Promise.all([createTenant(), createTenant()]);
});

describe("emails", () => {
  it("request → the emailed code verifies → listed and fetched by id; verifying again keeps one row", async () => {
    const email = uniqueEmail();
    const requested = await api(`${BASE}/emails/verification-code/request`, { key: owner.apiKey, body: { email } });
    expect(requested.status).toBe(200);
    expect(requested.body).toEqual({ status: "success" });
    expectContract(`${C}_requestEmailVerificationCode`, 200, requested.body);
    expect(requested.headers.get("X-RateLimit-Limit-users_verified_resources_emails_requests")).toBe("5");

    const code = await emailedCode(email);
    const verified = await api(`${BASE}/emails/verification-code/verify`, { key: owner.apiKey, body: { email, code } });
    expect(verified.status).toBe(200);
    expectContract(`${C}_verifyEmail`, 200, verified.body);
    expect(verified.body.data).toEqual({ id: expect.any(Number), userId: owner.userId, teamId: null, email });

    const again = await api(`${BASE}/emails/verification-code/verify`, { key: owner.apiKey, body: { email, code } });
    expect(again.body.data.id).toBe(verified.body.data.id);

    const list = await api(`${BASE}/emails`, { key: owner.apiKey });
    expect(list.status).toBe(200);
    expectContract(`${C}_getVerifiedEmails`, 200, list.body);
    expect(list.body.data).toEqual([verified.body.data]);

    const one = await api(`${BASE}/emails/${verified.body.data.id}`, { key: owner.apiKey });
    expectContract(`${C}_getVerifiedEmailById`, 200, one.body);
    expect(one.body.data).toEqual(verified.body.data);

    // Another user's id: Cal.com's `data: null`, never the row.
    const foreign = await api(`${BASE}/emails/${verified.body.data.id}`, { key: other.apiKey });
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual({ status: "success", data: null });
    expectContract(`${C}_getVerifiedEmailById`, 200, foreign.body);
    expect((await api(`${BASE}/emails`, { key: other.apiKey })).body.data).toEqual([]);
  });

  it("a wrong code is Cal.com's 400 invalid_code and stores nothing", async () => {
    const email = uniqueEmail();
    const res = await api(`${BASE}/emails/verification-code/verify`, { key: other.apiKey, body: { email, code: "000000" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "TRPCError", message: "invalid_code" });
    const list = await api(`${BASE}/emails`, { key: other.apiKey });
    expect(list.body.data.some((row: { email: string }) => row.email === email)).toBe(false);
  });

  it("a code made for one address does not verify another", async () => {
    const tenant = await createTenant();
    const email = uniqueEmail();
    await api(`${BASE}/emails/verification-code/request`, { key: tenant.apiKey, body: { email } });
    const code = await emailedCode(email);
    const res = await api(`${BASE}/emails/verification-code/verify`, { key: tenant.apiKey, body: { email: uniqueEmail(), code } });
    expect(res.status).toBe(400);
  });

  it("400 for a body that is not an email / has no code; 400 for a non-numeric id", async () => {
    const tenant = await createTenant();
    const bad = await api(`${BASE}/emails/verification-code/request`, { key: tenant.apiKey, body: { email: "not-an-email" } });
    expect(bad.status).toBe(400);
    expect((await api(`${BASE}/emails/verification-code/verify`, { key: tenant.apiKey, body: { email: uniqueEmail() } })).status).toBe(400);
    expect((await api(`${BASE}/emails/abc`, { key: tenant.apiKey })).status).toBe(400);
    expect((await api(`${BASE}/emails?take=251`, { key: tenant.apiKey })).status).toBe(400);
  });
});

describe("phones", () => {
  it("request → Twilio Verify's code verifies → listed and fetched; spaces are normalised to E.164", async () => {
    const phone = uniquePhone();
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const requested = await api(`${BASE}/phones/verification-code/request`, { key: owner.apiKey, body: { phone: spaced } });
    expect(requested.status).toBe(200);
    expectContract(`${C}_requestPhoneVerificationCode`, 200, requested.body);

    const code = await textedCode(phone);
    const wrong = await api(`${BASE}/phones/verification-code/verify`, { key: owner.apiKey, body: { phone, code: code === "111111" ? "222222" : "111111" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe("Could not verify phone number.");

    const verified = await api(`${BASE}/phones/verification-code/verify`, { key: owner.apiKey, body: { phone, code } });
    expect(verified.status).toBe(200);
    expectContract(`${C}_verifyPhoneNumber`, 200, verified.body);
    expect(verified.body.data).toEqual({ id: expect.any(Number), userId: owner.userId, teamId: null, phoneNumber: phone });

    const list = await api(`${BASE}/phones`, { key: owner.apiKey });
    expectContract(`${C}_getVerifiedPhoneNumbers`, 200, list.body);
    expect(list.body.data).toEqual([verified.body.data]);
    const one = await api(`${BASE}/phones/${verified.body.data.id}`, { key: owner.apiKey });
    expectContract(`${C}_getVerifiedPhoneById`, 200, one.body);
    expect(one.body.data).toEqual(verified.body.data);
    expect((await api(`${BASE}/phones/${verified.body.data.id}`, { key: other.apiKey })).body.data).toBeNull();

    // The code is used up: Twilio answers 404 for it now.
    const reused = await api(`${BASE}/phones/verification-code/verify`, { key: owner.apiKey, body: { phone, code } });
    expect(reused.status).toBe(400);
  });

  it("Twilio refusing the number is Cal.com's 400; a number that is not international is a 400 before Twilio", async () => {
    const tenant = await createTenant();
    const refused = await api(`${BASE}/phones/verification-code/request`, { key: tenant.apiKey, body: { phone: "+15005550001" } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("Could not send verification code to this phone number.");
    const local = await api(`${BASE}/phones/verification-code/request`, { key: tenant.apiKey, body: { phone: "5555 6666" } });
    expect(local.status).toBe(400);
    expect(local.body.error.message).toContain("phone");
  });
});

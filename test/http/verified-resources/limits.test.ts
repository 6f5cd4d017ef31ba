// Abuse limits and missing providers: the routes' per-user throttles (Cal.com's), the per-address budgets of code
// requests and wrong codes (ours), and what a deployment without an email sender or Twilio Verify answers.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";
import { createTenant, type Tenant, unique } from "../../helpers/fixtures";
import { emailedCode, emailsSentTo, uniqueEmail, uniquePhone } from "../../helpers/verified-resources";
import { captured, captureUrl } from "../../helpers/workflow-reminders";

const BASE = "/v2/verified-resources";
const post = (key: string, path: string, body: unknown) =>
  new Request(`http://api.test${BASE}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("per-user route throttle", () => {
  it("the sixth email-code request in a minute is Cal.com's 429 with the throttle's headers and Retry-After", async () => {
    const caller = await createTenant();
    for (let i = 0; i < 5; i += 1) {
      const res = await api(`${BASE}/emails/verification-code/request`, { key: caller.apiKey, body: { email: uniqueEmail() } });
      expect(res.status).toBe(200);
      expect(res.headers.get("X-RateLimit-Remaining-users_verified_resources_emails_requests")).toBe(String(4 - i));
    }
    const email = uniqueEmail();
    const refused = await api(`${BASE}/emails/verification-code/request`, { key: caller.apiKey, body: { email } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "ThrottlerException", message: "CustomThrottlerGuard - Too many requests. Please try again later." });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await emailsSentTo(email)).toBe(0);
    // Another user is not affected.
    expect((await api(`${BASE}/emails/verification-code/request`, { key: tenant.apiKey, body: { email } })).status).toBe(200);
  });
});

describe("per-address limits", () => {
  it("code requests for one address are counted whoever asks: over the budget, 429 with Retry-After and nothing sent", async () => {
    const email = uniqueEmail();
    const other = await createTenant();
    const first = await fetchWithEnv(post(tenant.apiKey, "/emails/verification-code/request", { email }), { VERIFICATION_CODE_REQUESTS_PER_TARGET: "1" });
    expect(first.status).toBe(200);
    const second = await fetchWithEnv(post(other.apiKey, "/emails/verification-code/request", { email }), { VERIFICATION_CODE_REQUESTS_PER_TARGET: "1" });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe("ThrottlerException");
    expect(second.body.error.message).toContain("Too many verification codes");
    expect(Number(second.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await emailsSentTo(email)).toBe(1);
  });

  it("after the allowed wrong codes the address is locked: even the right code is a 429 until the window ends", async () => {
    const email = uniqueEmail();
    const [guesser, owner] = await Promise.all([createTenant(), createTenant()]);
    expect((await api(`${BASE}/emails/verification-code/request`, { key: owner.apiKey, body: { email } })).status).toBe(200);
    const code = await emailedCode(email);
    const wrong = code === "000000" ? "111111" : "000000";
    const limits = { VERIFICATION_MAX_FAILED_ATTEMPTS: "2" };
    for (let i = 0; i < 2; i += 1) {
      const res = await fetchWithEnv(post(guesser.apiKey, "/emails/verification-code/verify", { email, code: wrong }), limits);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe("invalid_code");
    }
    const locked = await fetchWithEnv(post(owner.apiKey, "/emails/verification-code/verify", { email, code }), limits);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain("Too many wrong verification codes");
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("providers", () => {
  it("without an email sender the request is a 503 naming what is missing, never a success", async () => {
    const email = uniqueEmail();
    const res = await fetchWithEnv(post(tenant.apiKey, "/emails/verification-code/request", { email }), { EMAIL_API_URL: undefined, SEND_EMAIL: undefined });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe(
      "Verification emails cannot be sent: No email provider is configured (set EMAIL_API_URL and EMAIL_FROM, or bind SEND_EMAIL)",
    );
    expect(await emailsSentTo(email)).toBe(0);
  });

  it("a mail API that refuses the message is a 503", async () => {
    const mailbox = unique("failing");
    const res = await fetchWithEnv(post(tenant.apiKey, "/emails/verification-code/request", { email: uniqueEmail() }), {
      EMAIL_API_URL: captureUrl(`/email/${mailbox}?failTimes=10&status=500`),
    });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe("The verification email could not be sent. Please try again later.");
    expect((await captured(mailbox)).length).toBe(1);
  });

  it("without CALENDSO_ENCRYPTION_KEY email codes are a 500 naming the setting", async () => {
    const res = await fetchWithEnv(post(tenant.apiKey, "/emails/verification-code/verify", { email: uniqueEmail(), code: "123456" }), {
      CALENDSO_ENCRYPTION_KEY: undefined,
    });
    expect(res.status).toBe(500);
    expect(res.body.error.message).toBe("CALENDSO_ENCRYPTION_KEY is not configured");
  });

  it("without Twilio Verify the phone-code request is Cal.com's 400, and verify is a 400 too", async () => {
    const phone = uniquePhone();
    const request = await fetchWithEnv(post(tenant.apiKey, "/phones/verification-code/request", { phone }), { TWILIO_VERIFY_SID: undefined });
    expect(request.status).toBe(400);
    expect(request.body.error.message).toBe("Could not send verification code to this phone number.");
    const verify = await fetchWithEnv(post(tenant.apiKey, "/phones/verification-code/verify", { phone, code: "123456" }), { TWILIO_VERIFY_SID: undefined });
    expect(verify.status).toBe(400);
    expect(verify.body.error.message).toBe("Could not verify phone number.");
  });
});

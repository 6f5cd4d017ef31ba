// Phone codes through Twilio Verify over fetch (no SDK), as Cal.com's packages/features/ee/workflows/lib/reminders/
// verifyPhoneNumber.ts does through the SDK: POST /v2/Services/{serviceSid}/Verifications (To, Channel=sms) sends a
// code; POST /v2/Services/{serviceSid}/VerificationCheck (To, Code) answers `status: "approved"` for the right one.
// Twilio keeps the code, its expiry (10 minutes by default) and its own attempt limit. Base URL: TWILIO_VERIFY_API_URL.
import type { Env } from "../env";
import { MAX_ERROR_LENGTH } from "./types";

export interface TwilioVerifyConfig {
  apiUrl: string;
  accountSid: string;
  token: string;
  serviceSid: string;
  timeoutMs: number;
}

/** Sent (Twilio took it) or a failure with Twilio's answer, for the log. */
export type VerifyStartResult = { ok: true } | { ok: false; error: string };
/** approved: the code is right; rejected: wrong, expired or unknown (Twilio's 404 20404); failed: Twilio could not answer. */
export type VerifyCheckResult = { outcome: "approved" | "rejected" } | { outcome: "failed"; error: string };

export interface PhoneVerifier {
  start(phone: string): Promise<VerifyStartResult>;
  check(phone: string, code: string): Promise<VerifyCheckResult>;
}

type VerifyEnv = Pick<Env, "TWILIO_SID" | "TWILIO_TOKEN" | "TWILIO_VERIFY_SID" | "TWILIO_VERIFY_API_URL" | "MESSAGING_TIMEOUT_MS">;

/** The verifier of this deployment, or why there is none. */
export function phoneVerifier(env: VerifyEnv): { verifier: PhoneVerifier } | { verifier: null; reason: string } {
  const missing = (["TWILIO_SID", "TWILIO_TOKEN", "TWILIO_VERIFY_SID"] as const).filter((name) => !env[name]);
  if (missing.length > 0) return { verifier: null, reason: `Twilio Verify is not configured (set ${missing.join(", ")})` };
  return {
    verifier: createTwilioVerify({
      apiUrl: env.TWILIO_VERIFY_API_URL,
      accountSid: env.TWILIO_SID!,
      token: env.TWILIO_TOKEN!,
      serviceSid: env.TWILIO_VERIFY_SID!,
      timeoutMs: env.MESSAGING_TIMEOUT_MS,
    }),
  };
}

const describe = async (response: Response) => `HTTP ${response.status}: ${await response.text().catch(() => "")}`.slice(0, MAX_ERROR_LENGTH);
const failure = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR_LENGTH);

export function createTwilioVerify(config: TwilioVerifyConfig): PhoneVerifier {
  const base = `${config.apiUrl.replace(/\/+$/, "")}/v2/Services/${encodeURIComponent(config.serviceSid)}`;
  const post = (path: string, form: Record<string, string>) =>
    fetch(`${base}/${path}`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${config.accountSid}:${config.token}`)}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  return {
    async start(phone) {
      try {
        const response = await post("Verifications", { To: phone, Channel: "sms" });
        if (!response.ok) return { ok: false, error: await describe(response) };
        await response.body?.cancel();
        return { ok: true };
      } catch (error) {
        return { ok: false, error: failure(error) };
      }
    },
    async check(phone, code) {
      try {
        const response = await post("VerificationCheck", { To: phone, Code: code });
        // 404 (20404): no pending verification for this number (expired, already approved, or too many attempts).
        if (response.status === 404) {
          await response.body?.cancel();
          return { outcome: "rejected" };
        }
        if (!response.ok) return { outcome: "failed", error: await describe(response) };
        const body = (await response.json().catch(() => null)) as { status?: unknown } | null;
        return { outcome: body?.status === "approved" ? "approved" : "rejected" };
      } catch (error) {
        return { outcome: "failed", error: failure(error) };
      }
    },
  };
}

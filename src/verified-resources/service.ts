// Verified resources: emails (a stateless TOTP code, Cal.com-compatible: totp.ts) and phone numbers (Twilio Verify)
// a user or a team may send workflow messages to. Requests send a code; verifying it stores the address.
import type { Actor } from "../auth/principal";
import { emailProvider } from "../messaging";
import { escapeHtml } from "../messaging/template";
import { phoneVerifier } from "../messaging/twilio-verify";
import type { Deps } from "../services";
import { ownerInScope, type Scope } from "./access";
import { emailNotConfigured, emailNotSent, encryptionKeyMissing, invalidEmailCode, phoneCheckUnavailable, phoneCodeNotSent, phoneNotVerified } from "./errors";
import { countWrongCode, refuseWhileLockedOut, spendCodeRequest } from "./limits";
import type { VerifiedEmail, VerifiedPhone } from "./output";
import type { RequestEmailVerification, RequestPhoneVerification, VerifyEmail, VerifyPhone } from "./schemas";
import * as store from "./store";
import { emailCodeSecret, TOTP_STEP_SECONDS, totpAt, totpCheck } from "./totp";

export type { Scope } from "./access";

const DEFAULT_TAKE = 250;

function secretFor(deps: Deps, email: string): Promise<string> {
  const key = deps.env.CALENDSO_ENCRYPTION_KEY;
  if (!key) throw encryptionKeyMissing();
  return emailCodeSecret(email, key);
}

function verificationEmail(to: string, name: string, code: string) {
  const minutes = TOTP_STEP_SECONDS / 60;
  const text = `Hi ${name},\n\nUse this code to verify your email address: ${code}\n\nThe code expires in ${minutes} to ${2 * minutes} minutes. If you did not ask for it, ignore this email.`;
  const html =
    `<p>Hi ${escapeHtml(name)},</p><p>Use this code to verify your email address:</p><p style="font-size:24px;font-weight:bold;letter-spacing:4px">${code}</p>` +
    `<p>The code expires in ${minutes} to ${2 * minutes} minutes. If you did not ask for it, ignore this email.</p>`;
  return { to: [to], subject: `${code} is your verification code`, html, text };
}

/** Sends the address its code. Answers only once the provider took the message (Cal.com sends and forgets). */
export async function requestEmailCode(deps: Deps, actor: Actor, scope: Scope, input: RequestEmailVerification): Promise<void> {
  await ownerInScope(deps, actor, scope);
  const provider = emailProvider(deps.env);
  if (!provider.sender) throw emailNotConfigured(provider.reason);
  const secret = await secretFor(deps, input.email);
  await spendCodeRequest(deps, "email", input.email);
  const user = await store.userForEmail(deps.db, actor.userId);
  const code = await totpAt(secret, deps.now());
  const result = await provider.sender.send(verificationEmail(input.email, user?.name ?? user?.username ?? "there", code));
  if (!result.ok) {
    deps.logger.error("verification email not sent", { provider: provider.sender.kind, error: result.error });
    throw emailNotSent();
  }
}

export async function verifyEmail(deps: Deps, actor: Actor, scope: Scope, input: VerifyEmail): Promise<VerifiedEmail> {
  const owner = await ownerInScope(deps, actor, scope);
  const secret = await secretFor(deps, input.email);
  await refuseWhileLockedOut(deps, "email", input.email);
  if (!(await totpCheck(input.code, secret, deps.now()))) {
    await countWrongCode(deps, "email", input.email);
    throw invalidEmailCode();
  }
  return store.saveEmail(deps.db, owner, input.email);
}

export async function requestPhoneCode(deps: Deps, actor: Actor, scope: Scope, input: RequestPhoneVerification): Promise<void> {
  await ownerInScope(deps, actor, scope, { planExempt: true });
  const configured = phoneVerifier(deps.env);
  if (!configured.verifier) {
    // Cal.com reports success without TWILIO_VERIFY_SID and sends nothing; we say it was not sent.
    deps.logger.error("phone verification code not sent", { reason: configured.reason });
    throw phoneCodeNotSent();
  }
  await spendCodeRequest(deps, "phone", input.phone);
  const result = await configured.verifier.start(input.phone);
  if (!result.ok) {
    deps.logger.error("phone verification code not sent", { error: result.error });
    throw phoneCodeNotSent();
  }
}

export async function verifyPhone(deps: Deps, actor: Actor, scope: Scope, input: VerifyPhone): Promise<VerifiedPhone> {
  const owner = await ownerInScope(deps, actor, scope);
  const configured = phoneVerifier(deps.env);
  if (!configured.verifier) throw phoneNotVerified();
  await refuseWhileLockedOut(deps, "phone", input.phone);
  const result = await configured.verifier.check(input.phone, input.code);
  if (result.outcome === "failed") {
    deps.logger.error("phone verification check failed", { error: result.error });
    throw phoneCheckUnavailable();
  }
  if (result.outcome === "rejected") {
    await countWrongCode(deps, "phone", input.phone);
    throw phoneNotVerified();
  }
  return store.savePhone(deps.db, owner, input.phone);
}

export interface Page {
  skip?: number;
  take?: number;
}

export async function listVerifiedEmails(deps: Deps, actor: Actor, scope: Scope, query: Page): Promise<VerifiedEmail[]> {
  const owner = await ownerInScope(deps, actor, scope);
  return store.listEmails(deps.db, owner, query.skip ?? 0, query.take ?? DEFAULT_TAKE);
}

export async function listVerifiedPhones(deps: Deps, actor: Actor, scope: Scope, query: Page): Promise<VerifiedPhone[]> {
  const owner = await ownerInScope(deps, actor, scope);
  return store.listPhones(deps.db, owner, query.skip ?? 0, query.take ?? DEFAULT_TAKE);
}

/** The row, or null when it is not in the scope (Cal.com answers `data: null`, not a 404). */
export async function getVerifiedEmail(deps: Deps, actor: Actor, scope: Scope, id: number): Promise<VerifiedEmail | null> {
  const owner = await ownerInScope(deps, actor, scope);
  return store.findEmail(deps.db, owner, id);
}

export async function getVerifiedPhone(deps: Deps, actor: Actor, scope: Scope, id: number): Promise<VerifiedPhone | null> {
  const owner = await ownerInScope(deps, actor, scope);
  return store.findPhone(deps.db, owner, id);
}

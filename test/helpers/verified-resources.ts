// Helpers for the verified-resources tests: unique addresses (the per-address limits are shared by every test),
// and the codes the Worker sent, read back from the local messaging capture (test/support/messaging-capture.ts).
import { expect } from "vitest";
import { contractProblems } from "./contract";
import { unique } from "./fixtures";
import { waitForCaptured } from "./workflow-reminders";

export const uniqueEmail = () => `${unique("verify")}@example.com`.toLowerCase();

/** A valid E.164 number no other test uses (+44 7700 9xxxxx, Ofcom's drama range). */
export const uniquePhone = () => `+4477009${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;

export const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);

/** The code in the last verification email sent to `email`. */
export async function emailedCode(email: string): Promise<string> {
  const messages = await waitForCaptured("default", (all) => all.some((m) => m.provider === "email" && JSON.stringify(m.body.to).includes(email)));
  const mail = messages.filter((m) => m.provider === "email" && JSON.stringify(m.body.to).includes(email)).at(-1);
  expect(mail, `an email to ${email}`).toBeDefined();
  const code = /\b(\d{6})\b/.exec(String(mail!.body.text))?.[1];
  expect(code, "a 6-digit code in the email").toBeDefined();
  return code!;
}

/** How many verification emails went to `email`. */
export async function emailsSentTo(email: string): Promise<number> {
  const messages = await waitForCaptured("default", () => true, 0);
  return messages.filter((m) => m.provider === "email" && JSON.stringify(m.body.to).includes(email)).length;
}

/** The code Twilio Verify (the capture's stand-in) sent to `phone` last. */
export async function textedCode(phone: string): Promise<string> {
  const sent = (all: Awaited<ReturnType<typeof waitForCaptured>>) =>
    all.filter((m) => m.provider === "twilio-verify" && m.path.endsWith("/Verifications") && m.body.To === phone && m.answeredWith === 201);
  const messages = await waitForCaptured("default", (all) => sent(all).length > 0);
  const code = sent(messages).at(-1)?.body.Code;
  expect(code, `a Twilio Verify code for ${phone}`).toBeDefined();
  return String(code);
}

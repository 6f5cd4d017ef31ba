// The providers configured for this deployment. Email: the HTTP mail API when EMAIL_API_URL is set, else the
// send_email binding when bound; both need EMAIL_FROM. SMS: Twilio when its three settings are set. Anything
// missing answers the reason instead of a sender, which the consumer records on the reminder (NOT_SENT).
import type { Env } from "../env";
import { createBindingEmailSender } from "./binding-email";
import { createHttpEmailSender } from "./http-email";
import { createTwilioSmsSender } from "./twilio";
import type { EmailSender, Provider, SmsSender } from "./types";

export type { EmailMessage, EmailSender, Provider, SendResult, SmsMessage, SmsSender } from "./types";

type MessagingEnv = Pick<
  Env,
  | "EMAIL_API_URL"
  | "EMAIL_API_KEY"
  | "EMAIL_FROM"
  | "SEND_EMAIL"
  | "TWILIO_SID"
  | "TWILIO_TOKEN"
  | "TWILIO_PHONE_NUMBER"
  | "TWILIO_API_URL"
  | "MESSAGING_TIMEOUT_MS"
>;

export function emailProvider(env: MessagingEnv): Provider<EmailSender> {
  if (!env.EMAIL_API_URL && !env.SEND_EMAIL) {
    return { sender: null, reason: "No email provider is configured (set EMAIL_API_URL and EMAIL_FROM, or bind SEND_EMAIL)" };
  }
  if (!env.EMAIL_FROM) return { sender: null, reason: "No sender address is configured for email (set EMAIL_FROM)" };
  if (env.EMAIL_API_URL) {
    return { sender: createHttpEmailSender({ url: env.EMAIL_API_URL, apiKey: env.EMAIL_API_KEY, from: env.EMAIL_FROM, timeoutMs: env.MESSAGING_TIMEOUT_MS }) };
  }
  return { sender: createBindingEmailSender(env.SEND_EMAIL!, env.EMAIL_FROM) };
}

export function smsProvider(env: MessagingEnv): Provider<SmsSender> {
  const missing = (["TWILIO_SID", "TWILIO_TOKEN", "TWILIO_PHONE_NUMBER"] as const).filter((name) => !env[name]);
  if (missing.length > 0) return { sender: null, reason: `No SMS provider is configured (set ${missing.join(", ")})` };
  return {
    sender: createTwilioSmsSender({
      apiUrl: env.TWILIO_API_URL,
      sid: env.TWILIO_SID!,
      token: env.TWILIO_TOKEN!,
      from: env.TWILIO_PHONE_NUMBER!,
      timeoutMs: env.MESSAGING_TIMEOUT_MS,
    }),
  };
}

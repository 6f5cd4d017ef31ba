// SMS through Twilio's REST API over fetch (no SDK): POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded
// To, From, Body, with Basic auth sid:token, as Cal.com's packages/features/ee/workflows/lib/reminders/providers/
// twilioProvider.ts does through the SDK. The base URL is configurable (TWILIO_API_URL) for tests and regions.
import { resultOfFailure, resultOfResponse, type SmsMessage, type SmsSender } from "./types";

export interface TwilioConfig {
  apiUrl: string;
  sid: string;
  token: string;
  from: string;
  timeoutMs: number;
}

const sidOf = (body: unknown): string | null => {
  const sid = typeof body === "object" && body !== null ? (body as { sid?: unknown }).sid : undefined;
  return typeof sid === "string" ? sid : null;
};

export function createTwilioSmsSender(config: TwilioConfig): SmsSender {
  const url = `${config.apiUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.sid)}/Messages.json`;
  const authorization = `Basic ${btoa(`${config.sid}:${config.token}`)}`;
  return {
    kind: "twilio",
    async send(message: SmsMessage) {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ To: message.to, From: config.from, Body: message.body }).toString(),
          redirect: "manual",
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        return await resultOfResponse(response, sidOf);
      } catch (error) {
        return resultOfFailure(error, config.timeoutMs);
      }
    },
  };
}

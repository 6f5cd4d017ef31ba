// Email through an HTTP mail API: POST {from, to, subject, html, text, reply_to} as JSON with a Bearer key, the
// shape Resend, Postmark-style relays and most transactional APIs accept. The id in the answer ({id} or
// {messageId}) is kept as the reminder's referenceId.
import { type EmailMessage, type EmailSender, resultOfFailure, resultOfResponse } from "./types";

export interface HttpEmailConfig {
  url: string;
  apiKey: string | undefined;
  from: string;
  timeoutMs: number;
}

const idOf = (body: unknown): string | null => {
  if (typeof body !== "object" || body === null) return null;
  const { id, messageId } = body as { id?: unknown; messageId?: unknown };
  const value = id ?? messageId;
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
};

export function createHttpEmailSender(config: HttpEmailConfig): EmailSender {
  return {
    kind: "http",
    async send(message: EmailMessage) {
      const body = {
        from: config.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        ...(message.replyTo ? { reply_to: message.replyTo } : {}),
      };
      try {
        const response = await fetch(config.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
          body: JSON.stringify(body),
          redirect: "manual",
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        return await resultOfResponse(response, idOf);
      } catch (error) {
        return resultOfFailure(error, config.timeoutMs);
      }
    },
  };
}

// Email through Cloudflare's send_email binding (Email Routing). The binding composes the MIME message itself
// from {from, to, subject, html, text}; it only delivers to verified destination addresses, and refuses others
// with an error that retrying cannot fix.
import { type EmailMessage, type EmailSender, MAX_ERROR_LENGTH } from "./types";

export function createBindingEmailSender(binding: SendEmail, from: string): EmailSender {
  return {
    kind: "send_email",
    async send(message: EmailMessage) {
      try {
        const result = await binding.send({
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        });
        return { ok: true, providerId: result?.messageId ?? null };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        // The binding throws for addresses it will never deliver to (unverified destination, bad sender).
        const permanent = /verified|not allowed|invalid|destination/i.test(text);
        return { ok: false, retryable: !permanent, error: `send_email: ${text}`.slice(0, MAX_ERROR_LENGTH) };
      }
    },
  };
}

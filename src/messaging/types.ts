// What the workflow consumer hands a provider, and what it hears back. A provider never throws for a refused
// message: the consumer needs to know whether trying again can help (a 5xx or a network error) or not (a 4xx).

export interface EmailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
}

export interface SmsMessage {
  to: string;
  body: string;
}

export type SendResult = { ok: true; providerId: string | null } | { ok: false; retryable: boolean; error: string };

export interface EmailSender {
  /** Which provider this is, for logs and reasons ("http", "send_email"). */
  readonly kind: string;
  send(message: EmailMessage): Promise<SendResult>;
}

export interface SmsSender {
  readonly kind: string;
  send(message: SmsMessage): Promise<SendResult>;
}

/** A sender, or why there is none (the reason is recorded on the reminder as statusReason). */
export type Provider<S> = { sender: S } | { sender: null; reason: string };

export const MAX_ERROR_LENGTH = 500;

/** A provider's HTTP answer as a SendResult: 2xx sent, 408/429/5xx worth retrying, other 4xx not. */
export async function resultOfResponse(response: Response, idOf: (body: unknown) => string | null): Promise<SendResult> {
  const text = await response.text().catch(() => "");
  if (response.ok) {
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // A provider answering 2xx without JSON still took the message.
    }
    return { ok: true, providerId: idOf(body) };
  }
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  return { ok: false, retryable, error: `HTTP ${response.status}${text ? `: ${text}` : ""}`.slice(0, MAX_ERROR_LENGTH) };
}

/** A network failure or timeout as a SendResult (always worth retrying). */
export function resultOfFailure(error: unknown, timeoutMs: number): SendResult {
  const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  const message = timedOut ? `Timed out after ${timeoutMs} ms` : `Request failed: ${error instanceof Error ? error.message : String(error)}`;
  return { ok: false, retryable: true, error: message.slice(0, MAX_ERROR_LENGTH) };
}

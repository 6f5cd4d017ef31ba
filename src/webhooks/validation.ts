import type { Env } from "../env";
import { ApiError } from "../errors";
import { checkSubscriberUrl } from "./ssrf";
import type { WebhookOwnerKind } from "./store";
import { ORGANIZATION_ONLY_TRIGGER, type WebhookTrigger } from "./triggers";

// Cal.com's message for a refused subscriber URL ("Webhook URL is not allowed: <reason>"), naming the field in details.
export function assertSubscriberUrlAllowed(env: Env, subscriberUrl: string) {
  const check = checkSubscriberUrl(subscriberUrl, { allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK });
  if (check.ok) return;
  const message = `Webhook URL is not allowed: ${check.reason}`;
  throw new ApiError("BadRequestException", message, {
    target: "json",
    errors: [{ property: "subscriberUrl", message, code: "subscriber_url_refused" }],
  });
}

// Cal.com's user and event-type webhook services refuse this trigger; its OAuth-client service accepts it.
const OWNERS_REFUSING_ORGANIZATION_TRIGGER: ReadonlySet<WebhookOwnerKind> = new Set(["user", "eventType"]);

export function assertTriggersAllowedFor(owner: WebhookOwnerKind, triggers: readonly WebhookTrigger[] | undefined) {
  if (!OWNERS_REFUSING_ORGANIZATION_TRIGGER.has(owner) || !triggers?.includes(ORGANIZATION_ONLY_TRIGGER)) return;
  throw new ApiError("BadRequestException", `${ORGANIZATION_ONLY_TRIGGER} trigger is only available for organization webhooks`, {
    target: "json",
    errors: [{ property: "triggers", message: `${ORGANIZATION_ONLY_TRIGGER} is only available for organization webhooks`, code: "invalid_value" }],
  });
}

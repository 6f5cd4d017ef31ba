import type { Env } from "../env";
import { organizationOnlyTrigger, subscriberUrlRefused } from "./errors";
import { checkSubscriberUrl } from "./ssrf";
import type { WebhookOwnerKind } from "./store";
import { ORGANIZATION_ONLY_TRIGGER, type WebhookTrigger } from "./triggers";

export function assertSubscriberUrlAllowed(env: Env, subscriberUrl: string) {
  const check = checkSubscriberUrl(subscriberUrl, { allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK });
  if (!check.ok) throw subscriberUrlRefused(check.reason);
}

// Cal.com's user and event-type webhook services refuse this trigger; its OAuth-client service accepts it.
const OWNERS_REFUSING_ORGANIZATION_TRIGGER: ReadonlySet<WebhookOwnerKind> = new Set(["user", "eventType"]);

export function assertTriggersAllowedFor(owner: WebhookOwnerKind, triggers: readonly WebhookTrigger[] | undefined) {
  if (OWNERS_REFUSING_ORGANIZATION_TRIGGER.has(owner) && triggers?.includes(ORGANIZATION_ONLY_TRIGGER)) throw organizationOnlyTrigger();
}

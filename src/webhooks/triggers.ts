// Cal.com's webhook trigger names, in the contract's order (CreateWebhookInputDto.triggers).
export const WEBHOOK_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_PAYMENT_INITIATED",
  "BOOKING_PAID",
  "BOOKING_RESCHEDULED",
  "BOOKING_REQUESTED",
  "BOOKING_CANCELLED",
  "BOOKING_REJECTED",
  "BOOKING_NO_SHOW_UPDATED",
  "FORM_SUBMITTED",
  "MEETING_ENDED",
  "MEETING_STARTED",
  "RECORDING_READY",
  "INSTANT_MEETING",
  "RECORDING_TRANSCRIPTION_GENERATED",
  "OOO_CREATED",
  "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
  "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
  "FORM_SUBMITTED_NO_EVENT",
  "DELEGATION_CREDENTIAL_ERROR",
] as const;

export type WebhookTrigger = (typeof WEBHOOK_TRIGGERS)[number];

// Cal.com accepts this trigger on organization webhooks only.
export const ORGANIZATION_ONLY_TRIGGER = "DELEGATION_CREDENTIAL_ERROR" satisfies WebhookTrigger;

import type { Operation } from "../src/operation";
import { refreshApiKey } from "./api-keys/refresh";
import { health } from "./health/get";
import { getMe } from "./me/get";
import { updateMe } from "./me/update";
import { createWebhook } from "./webhooks/create";
import { deleteWebhook } from "./webhooks/delete";
import { getWebhook } from "./webhooks/get";
import { listWebhooks } from "./webhooks/list";
import { listWebhookDeliveries } from "./webhooks/list-deliveries";
import { redeliverWebhookDelivery } from "./webhooks/redeliver";
import { updateWebhook } from "./webhooks/update";

// Every operation the API serves, in one visible list.
export const operations: readonly Operation<any>[] = [
  health,
  getMe,
  updateMe,
  refreshApiKey,
  createWebhook,
  listWebhooks,
  getWebhook,
  updateWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  redeliverWebhookDelivery,
];

import { z } from "@hono/zod-openapi";

// Google's push: everything is in the headers (the body is empty).
export const GoogleNotificationHeaders = z.object({
  "x-goog-channel-id": z.string().min(1).max(256),
  "x-goog-resource-state": z.string().min(1).max(64),
  "x-goog-channel-token": z.string().max(512).optional(),
});

// Graph: the subscription handshake (POST ?validationToken=…) or a batch of change notifications.
export const Office365NotificationQuery = z.object({ validationToken: z.string().min(1).max(1024).optional() });
export const Office365NotificationBody = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: z.string().min(1).max(256),
        clientState: z.string().max(512).optional(),
        changeType: z.string().max(64).optional(),
        resource: z.string().max(2048).optional(),
      }),
    )
    .max(1000),
});

import { z } from "zod";

// One message on the workflow queue: send reminder `reminderId`, expected due at `scheduledFor`. A reminder moved
// to another time gets a new message; the old one, whose `scheduledFor` no longer matches the row, is dropped.
export const ReminderQueueMessageSchema = z.object({
  kind: z.literal("reminder"),
  reminderId: z.number().int().positive(),
  scheduledFor: z.iso.datetime(),
});

export type ReminderQueueMessage = z.infer<typeof ReminderQueueMessageSchema>;

import { z } from "@hono/zod-openapi";
import type { ScheduleIdParams } from "../http/common";
import { TimeZoneSchema } from "../time-zone";
import { isCalendarDate, minutesFromTimeOfDay, TIME_OF_DAY_PATTERN, WEEK_DAYS } from "./availability";

// Schedules 2024-06-11 wire schemas (pt/schedules/schedules-2024-06-11). Unknown keys are dropped, as Cal.com's
// whitelisting ValidationPipe does.

const TimeOfDaySchema = (field: string) =>
  z
    .string()
    .regex(TIME_OF_DAY_PATTERN, `${field} must be a valid time in format HH:MM e.g. 08:00`)
    .openapi({ pattern: TIME_OF_DAY_PATTERN.source, example: "09:00" });

export const ScheduleAvailabilityInputSchema = z
  .object({
    days: z.array(z.enum(WEEK_DAYS)).min(1, "days must name at least one day").max(7),
    startTime: TimeOfDaySchema("startTime"),
    endTime: TimeOfDaySchema("endTime"),
  })
  .refine((rule) => !isTimeOrder(rule) || minutesFromTimeOfDay(rule.endTime) > minutesFromTimeOfDay(rule.startTime), {
    message: "endTime must be after startTime",
    path: ["endTime"],
  })
  .openapi("ScheduleAvailabilityInput_2024_06_11", {
    example: { days: ["Monday", "Tuesday"], startTime: "09:00", endTime: "17:00" },
  });

// An override may start and end at the same time: that is how Cal.com marks a whole date unavailable (00:00-00:00).
export const ScheduleOverrideInputSchema = z
  .object({
    date: z.string().refine(isCalendarDate, "date must be a calendar date in format YYYY-MM-DD").openapi({ example: "2024-05-20" }),
    startTime: TimeOfDaySchema("startTime"),
    endTime: TimeOfDaySchema("endTime"),
  })
  .refine((rule) => !isTimeOrder(rule) || minutesFromTimeOfDay(rule.endTime) >= minutesFromTimeOfDay(rule.startTime), {
    message: "endTime must not be before startTime",
    path: ["endTime"],
  })
  .openapi("ScheduleOverrideInput_2024_06_11", { example: { date: "2024-05-20", startTime: "12:00", endTime: "13:00" } });

// Only compare times once both are well formed; otherwise the format error alone is reported.
function isTimeOrder(rule: { startTime: string; endTime: string }): boolean {
  return TIME_OF_DAY_PATTERN.test(rule.startTime) && TIME_OF_DAY_PATTERN.test(rule.endTime);
}

const ScheduleNameSchema = z.string().trim().min(1).max(255).openapi({ example: "Catch up hours" });

export const CreateScheduleInputSchema = z
  .object({
    name: ScheduleNameSchema,
    timeZone: TimeZoneSchema,
    isDefault: z.boolean(),
    availability: z.array(ScheduleAvailabilityInputSchema).max(100).optional(),
    overrides: z.array(ScheduleOverrideInputSchema).max(1000).optional(),
  })
  .openapi("CreateScheduleInput_2024_06_11");

export const UpdateScheduleInputSchema = z
  .object({
    name: ScheduleNameSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    isDefault: z.boolean().optional(),
    availability: z.array(ScheduleAvailabilityInputSchema).max(100).optional(),
    overrides: z.array(ScheduleOverrideInputSchema).max(1000).optional(),
  })
  .openapi("UpdateScheduleInput_2024_06_11");

export type CreateScheduleInput = z.infer<typeof CreateScheduleInputSchema>;
export type UpdateScheduleInput = z.infer<typeof UpdateScheduleInputSchema>;
export type ScheduleIdInput = z.infer<typeof ScheduleIdParams>;

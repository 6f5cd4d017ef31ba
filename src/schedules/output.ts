import { z } from "@hono/zod-openapi";
import { SuccessOnlySchema, successOf } from "../http/common";
import { toWireAvailability, toWireOverrides, WEEK_DAYS } from "./availability";

// Schedules 2024-06-11 output (pt/schedules/schedules-2024-06-11/outputs) and its renderer.

export const ScheduleOutputSchema = z
  .object({
    id: z.number().int(),
    ownerId: z.number().int(),
    name: z.string(),
    timeZone: z.string(),
    availability: z.array(z.object({ days: z.array(z.enum(WEEK_DAYS)), startTime: z.string(), endTime: z.string() })),
    isDefault: z.boolean(),
    overrides: z.array(z.object({ date: z.string(), startTime: z.string(), endTime: z.string() })),
  })
  .openapi("ScheduleOutput_2024_06_11");

export type ScheduleOutput = z.infer<typeof ScheduleOutputSchema>;

export const CreateScheduleOutputSchema = successOf(ScheduleOutputSchema).openapi("CreateScheduleOutput_2024_06_11");
export const GetScheduleOutputSchema = successOf(ScheduleOutputSchema).openapi("GetScheduleOutput_2024_06_11");
export const GetSchedulesOutputSchema = successOf(z.array(ScheduleOutputSchema)).openapi("GetSchedulesOutput_2024_06_11");
// Cal.com answers `data: null` when the user has no default schedule, although its document says otherwise.
export const GetDefaultScheduleOutputSchema = successOf(ScheduleOutputSchema.nullable()).openapi("GetDefaultScheduleOutput_2024_06_11");
export const UpdateScheduleOutputSchema = successOf(ScheduleOutputSchema).openapi("UpdateScheduleOutput_2024_06_11");
export const DeleteScheduleOutputSchema = SuccessOnlySchema.openapi("DeleteScheduleOutput_2024_06_11");

/** A schedule row with its availability rows (weekly rules and date overrides). */
interface StoredSchedule {
  id: number;
  userId: number;
  name: string;
  timeZone: string;
  availability: { days: number[]; startMinute: number; endMinute: number; date: Date | null }[];
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function toScheduleOutput(schedule: StoredSchedule, ownerDefaultScheduleId: number | null): ScheduleOutput {
  const weekly = schedule.availability.filter((row) => row.date === null && row.days.length > 0);
  // Weekly rules keep the order they were given in; overrides come by date, then start time.
  const overrides = schedule.availability
    .filter((row) => row.date !== null)
    .sort((a, b) => a.date!.getTime() - b.date!.getTime() || a.startMinute - b.startMinute);
  return {
    id: schedule.id,
    ownerId: schedule.userId,
    name: schedule.name,
    timeZone: schedule.timeZone,
    availability: toWireAvailability(weekly),
    isDefault: schedule.id === ownerDefaultScheduleId,
    overrides: toWireOverrides(overrides.map((row) => ({ ...row, date: isoDate(row.date!) }))),
  };
}

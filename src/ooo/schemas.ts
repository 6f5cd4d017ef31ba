import { z } from "@hono/zod-openapi";
import { paginationQuery } from "../http/common";

// Out-of-office wire schemas (v2/modules/ooo/inputs/ooo.input.ts). Unknown keys are dropped, as Cal.com's
// whitelisting ValidationPipe does. Dates stay strings here; the service turns them into whole UTC days.

/** Cal.com's reason names, in the order of the seeded OutOfOfficeReason ids 1-5. */
export const OOO_REASONS = ["unspecified", "vacation", "travel", "sick", "public_holiday"] as const;
export type OooReason = (typeof OOO_REASONS)[number];

// Cal.com's isDateString: only `YYYY-MM-DDTHH:mm:ss(.SSS)?Z`. Beyond Cal.com, an impossible date (2023-02-30,
// which JavaScript rolls over to 2 March) is refused too.
const OOO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?Z$/;
export const INVALID_DATE = "Invalid Date.";

function isOooDate(value: string): boolean {
  const match = OOO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return false;
  const [, year, month, day, hour, minute, second] = match;
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() + 1 === Number(month) &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second)
  );
}

const oooDate = (description: string, example: string) =>
  z.string({ error: INVALID_DATE }).refine(isOooDate, INVALID_DATE).openapi({ format: "date-time", description, example });

const fields = {
  start: oooDate(
    "The start date and time of the out of office period in ISO 8601 format in UTC timezone. The entry starts at 00:00:00.000Z of that UTC date.",
    "2023-05-01T00:00:00.000Z",
  ),
  end: oooDate(
    "The end date and time of the out of office period in ISO 8601 format in UTC timezone. The entry ends at 23:59:59.999Z of that UTC date.",
    "2023-05-10T23:59:59.999Z",
  ),
  notes: z
    .string({ error: "notes must be a string" })
    .max(10_000)
    .openapi({ description: "Optional notes for the out of office entry.", example: "Vacation in Hawaii" }),
  toUserId: z
    .number({ error: "toUserId must be an integer number" })
    .int("toUserId must be an integer number")
    .positive()
    .max(2147483647)
    .openapi({ description: "The ID of the user covering for the out of office period, if applicable.", example: 2 }),
  reason: z
    .enum(OOO_REASONS, { error: `reason must be one of the following values: ${OOO_REASONS.join(", ")}` })
    .openapi({ description: "the reason for the out of office entry, if applicable", example: "vacation" }),
};

export const CreateOooInputSchema = z
  .object({
    start: fields.start,
    end: fields.end,
    notes: fields.notes.optional(),
    toUserId: fields.toUserId.optional(),
    reason: fields.reason.optional(),
  })
  .openapi("CreateOutOfOfficeEntryDto");
export type CreateOooInput = z.infer<typeof CreateOooInputSchema>;

export const UpdateOooInputSchema = z
  .object({
    start: fields.start.optional(),
    end: fields.end.optional(),
    notes: fields.notes.optional(),
    toUserId: fields.toUserId.optional(),
    reason: fields.reason.optional(),
  })
  .openapi("UpdateOutOfOfficeEntryDto");
export type UpdateOooInput = z.infer<typeof UpdateOooInputSchema>;

const sortOrder = (field: "SortStart" | "SortEnd", what: string) =>
  z
    .enum(["asc", "desc"], { error: `${field} must be either "asc" or "desc".` })
    .optional()
    .openapi({ description: `Sort results by their ${what} time in ascending or descending order.`, example: "asc" });

/** SkipTakePagination (take 1-250, default 250) with Cal.com's sort params; with both, sortEnd wins (as in Cal.com). */
export const OooListQuery = paginationQuery({ take: 250 }).extend({
  sortStart: sortOrder("SortStart", "start"),
  sortEnd: sortOrder("SortEnd", "end"),
});
export type OooListQueryInput = z.infer<typeof OooListQuery>;

export const OrgOooListQuery = OooListQuery.extend({
  email: z
    .string()
    .max(320)
    .optional()
    .openapi({ description: "Filter ooo entries by the user email address. user must be within your organization.", example: "example@domain.com" }),
});
export type OrgOooListQueryInput = z.infer<typeof OrgOooListQuery>;

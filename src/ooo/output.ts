import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";
import { OOO_REASONS, type OooReason } from "./schemas";

// Cal.com's UserOooOutputDto (v2/modules/ooo/outputs/ooo.output.ts). The contract documents no response body for
// these operations; this is what Cal.com answers.

export const OooOutputSchema = z
  .object({
    id: z.number().int().openapi({ description: "The ID of the ooo entry.", example: 2 }),
    uuid: z.string().openapi({ example: "e84be5a3-4696-49e3-acc7-b2f3999c3b94" }),
    userId: z.number().int().openapi({ description: "The ID of the user.", example: 2 }),
    toUserId: z.number().int().nullable().openapi({ description: "The ID of the user covering for the out of office period, if any.", example: 3 }),
    start: z.string().openapi({ format: "date-time", example: "2023-05-01T00:00:00.000Z" }),
    end: z.string().openapi({ format: "date-time", example: "2023-05-10T23:59:59.999Z" }),
    notes: z.string().nullable().openapi({ example: "Vacation in Hawaii" }),
    reason: z.enum(OOO_REASONS).openapi({ example: "vacation" }),
  })
  .openapi("UserOooOutputDto");
export type OooOutput = z.infer<typeof OooOutputSchema>;

export const OooOutputResponseSchema = successOf(OooOutputSchema).openapi("UserOooOutputResponseDto");
export const OoosOutputResponseSchema = successOf(z.array(OooOutputSchema)).openapi("UserOoosOutputResponseDto");

/** The columns the output is rendered from. */
export const oooSelect = { id: true, uuid: true, userId: true, toUserId: true, start: true, end: true, notes: true, reasonId: true } as const;

export interface OooRow {
  id: number;
  uuid: string;
  userId: number;
  toUserId: number | null;
  start: Date;
  end: Date;
  notes: string | null;
  reasonId: number | null;
}

/** Reason ids are Cal.com's seeded rows 1-5; a missing or unknown one reads as `unspecified`. */
export const reasonOfId = (reasonId: number | null): OooReason => OOO_REASONS[(reasonId ?? 1) - 1] ?? "unspecified";
export const reasonIdOf = (reason: OooReason): number => OOO_REASONS.indexOf(reason) + 1;

export const toOooOutput = (row: OooRow): OooOutput => ({
  id: row.id,
  uuid: row.uuid,
  userId: row.userId,
  toUserId: row.toUserId,
  start: row.start.toISOString(),
  end: row.end.toISOString(),
  notes: row.notes,
  reason: reasonOfId(row.reasonId),
});

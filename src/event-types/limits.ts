import { z } from "@hono/zod-openapi";

// Shared numeric bounds. Every integer that reaches a Postgres INTEGER column is capped at int4 so oversized
// input is a 400, never an overflow 500.
export const INT4_MAX = 2_147_483_647;
export const MINUTES_IN_A_YEAR = 525_600;

export const nonNegativeInt = (max = INT4_MAX) => z.number().int().min(0).max(max);
export const positiveInt = (max = INT4_MAX) => z.number().int().min(1).max(max);

/** Cal.com's MAX_SEATS_PER_TIME_SLOT. */
export const MAX_SEATS_PER_TIME_SLOT = 1000;

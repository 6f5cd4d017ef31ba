import type { Context } from "hono";
import type { ReservationStore } from "../../src/availability/reservations";
import type { AppEnv } from "../../src/context";
import { createSql } from "../../src/services/db";

/** The request's database access for reservations: Prisma reads over HTTP, check-and-write batches over HTTP. */
export const reservationStore = (c: Context<AppEnv>): ReservationStore => ({ db: c.var.deps.db, sql: createSql(c.var.env) });

import type { ErrorCode } from "../errors";
import type { Queryable } from "../services/db";
import { scheduleDoesNotExist, scheduleNotOwned } from "./errors";

type Reader = Pick<Queryable, "schedule">;

/**
 * Cal.com's checks (schedules_2024_06_11 service): an unknown id is 404 ("does not exist"), someone else's
 * schedule is 403 ("does not own"). DELETE answers an unknown id with 400 instead, so the code is a parameter.
 */
export async function assertScheduleOwnedBy(db: Reader, scheduleId: number, userId: number, missingCode: ErrorCode = "NotFoundException"): Promise<void> {
  const schedule = await db.schedule.findUnique({ where: { id: scheduleId }, select: { userId: true } });
  if (!schedule) throw scheduleDoesNotExist(scheduleId, missingCode);
  if (schedule.userId !== userId) throw scheduleNotOwned(userId, scheduleId);
}

import { ApiError, type ErrorCode } from "../errors";
import type { Db } from "../services/db";

type Reader = Pick<Db, "schedule">;

/**
 * Cal.com's checks (schedules_2024_06_11 service): an unknown id is 404 ("does not exist"), someone else's
 * schedule is 403 ("does not own"). DELETE answers an unknown id with 400 instead, so the code is a parameter.
 */
export async function assertScheduleOwnedBy(db: Reader, scheduleId: number, userId: number, missingCode: ErrorCode = "NotFoundException"): Promise<void> {
  const schedule = await db.schedule.findUnique({ where: { id: scheduleId }, select: { userId: true } });
  if (!schedule) throw new ApiError(missingCode, `Schedule with ID=${scheduleId} does not exist.`);
  if (schedule.userId !== userId) {
    throw new ApiError("ForbiddenException", `User with ID=${userId} does not own schedule with ID=${scheduleId}`);
  }
}

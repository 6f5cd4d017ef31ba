import { ApiError } from "../errors";
import type { Db } from "../services/db";

// Schedules arrive with the event-types/schedules work; until then no schedule id can exist.
export async function assertScheduleOwnedBy(_db: Db, scheduleId: number, _userId: number): Promise<void> {
  throw new ApiError("NotFoundException", `Schedule with id=${scheduleId} not found`);
}

import { ApiError, type ErrorCode } from "../errors";

// The messages schedules answer (Cal.com's SchedulesService_2024_06_11), one factory each. The ownership two
// take the status as a parameter: Cal.com answers the same words with other statuses elsewhere (DELETE's unknown
// id is a 400; an event type naming someone else's schedule is a 404).

export const scheduleDoesNotExist = (scheduleId: number, code: ErrorCode = "NotFoundException") =>
  new ApiError(code, `Schedule with ID=${scheduleId} does not exist.`);

export const scheduleNotOwned = (userId: number, scheduleId: number, code: ErrorCode = "ForbiddenException") =>
  new ApiError(code, `User with ID=${userId} does not own schedule with ID=${scheduleId}`);

import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import type { Queryable, Tx } from "../services/db";
import { DEFAULT_WEEKLY_AVAILABILITY, toDateOverrides, toWeeklyRules, type WireAvailability, type WireOverride } from "./availability";
import { userNotFound } from "../users/errors";
import { assertScheduleOwnedBy } from "./ownership";
import { type ScheduleOutput, toScheduleOutput } from "./output";
import type { CreateScheduleInput, ScheduleIdInput, UpdateScheduleInput } from "./schemas";

// Schedules 2024-06-11 (Cal.com's SchedulesService_2024_06_11). Reads go over HTTP (`deps.db`); writes that
// must commit together run in one transaction on the request's session (`deps.txDb`).

const scheduleWithAvailability = { include: { availability: { orderBy: { id: "asc" as const } } } };
const dateColumn = (date: string) => new Date(`${date}T00:00:00.000Z`);

function availabilityRows(availability: readonly WireAvailability[] | undefined, overrides: readonly WireOverride[] | undefined) {
  return [
    ...(availability ? toWeeklyRules(availability).map((rule) => ({ ...rule, date: null })) : []),
    ...(overrides ? toDateOverrides(overrides).map((o) => ({ days: [], startMinute: o.startMinute, endMinute: o.endMinute, date: dateColumn(o.date) })) : []),
  ];
}

async function defaultScheduleIdOf(db: Pick<Queryable, "user">, userId: number): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { defaultScheduleId: true } });
  if (!user) throw userNotFound(userId);
  return user.defaultScheduleId;
}

// A user's default is valid only while it names one of their own schedules.
async function hasValidDefault(tx: Tx, userId: number): Promise<boolean> {
  const defaultId = await defaultScheduleIdOf(tx, userId);
  if (defaultId === null) return false;
  const schedule = await tx.schedule.findFirst({ where: { id: defaultId, userId }, select: { id: true } });
  return schedule !== null;
}

/** Inserts a schedule of `userId` (Monday to Friday, 09:00 to 17:00 unless `availability` says otherwise). */
export function insertSchedule(db: Pick<Queryable, "schedule">, userId: number, input: Omit<CreateScheduleInput, "isDefault">) {
  return db.schedule.create({
    data: {
      userId,
      name: input.name,
      timeZone: input.timeZone,
      availability: { create: availabilityRows(input.availability ?? DEFAULT_WEEKLY_AVAILABILITY, input.overrides) },
    },
    ...scheduleWithAvailability,
  });
}

/** Creates a schedule; it becomes the default when asked to, or when the user has no default yet. */
export async function createSchedule(deps: Deps, actor: Actor, input: CreateScheduleInput): Promise<ScheduleOutput> {
  const { userId } = actor;
  return deps.txDb.$transaction(async (tx) => {
    const schedule = await insertSchedule(tx, userId, input);
    const becomesDefault = input.isDefault || !(await hasValidDefault(tx, userId));
    if (becomesDefault) await tx.user.update({ where: { id: userId }, data: { defaultScheduleId: schedule.id } });
    return toScheduleOutput(schedule, becomesDefault ? schedule.id : await defaultScheduleIdOf(tx, userId));
  });
}

export async function getSchedule(deps: Deps, actor: Actor, { scheduleId }: ScheduleIdInput): Promise<ScheduleOutput> {
  const { db } = deps;
  const { userId } = actor;
  await assertScheduleOwnedBy(db, scheduleId, userId);
  const [schedule, defaultId] = await Promise.all([
    db.schedule.findUniqueOrThrow({ where: { id: scheduleId }, ...scheduleWithAvailability }),
    defaultScheduleIdOf(db, userId),
  ]);
  return toScheduleOutput(schedule, defaultId);
}

export async function listSchedules(deps: Deps, actor: Actor): Promise<ScheduleOutput[]> {
  const { db } = deps;
  const { userId } = actor;
  const [schedules, defaultId] = await Promise.all([
    db.schedule.findMany({ where: { userId }, orderBy: { id: "asc" }, ...scheduleWithAvailability }),
    defaultScheduleIdOf(db, userId),
  ]);
  return schedules.map((schedule) => toScheduleOutput(schedule, defaultId));
}

/** The user's default schedule, or null when they have none (Cal.com answers `data: null`). */
export async function getDefaultSchedule(deps: Deps, actor: Actor): Promise<ScheduleOutput | null> {
  const { db } = deps;
  const { userId } = actor;
  const defaultId = await defaultScheduleIdOf(db, userId);
  if (defaultId === null) return null;
  const schedule = await db.schedule.findFirst({ where: { id: defaultId, userId }, ...scheduleWithAvailability });
  return schedule ? toScheduleOutput(schedule, defaultId) : null;
}

/**
 * Replaces what the body names: `availability` replaces the weekly rules, `overrides` the date overrides.
 * `isDefault: true` makes it the default; `false` is ignored, as in Cal.com (a user always keeps a default).
 */
export async function updateSchedule(
  deps: Deps,
  actor: Actor,
  { scheduleId, body: input }: ScheduleIdInput & { body: UpdateScheduleInput },
): Promise<ScheduleOutput> {
  const { userId } = actor;
  await assertScheduleOwnedBy(deps.txDb, scheduleId, userId);
  return deps.txDb.$transaction(async (tx) => {
    if (input.availability) await tx.availability.deleteMany({ where: { scheduleId, date: null } });
    if (input.overrides) await tx.availability.deleteMany({ where: { scheduleId, NOT: { date: null } } });
    const rows = availabilityRows(input.availability, input.overrides);
    const schedule = await tx.schedule.update({
      where: { id: scheduleId },
      data: {
        name: input.name,
        timeZone: input.timeZone,
        ...(rows.length ? { availability: { create: rows } } : {}),
      },
      ...scheduleWithAvailability,
    });
    if (input.isDefault) await tx.user.update({ where: { id: userId }, data: { defaultScheduleId: scheduleId } });
    return toScheduleOutput(schedule, await defaultScheduleIdOf(tx, userId));
  });
}

/**
 * Deletes a schedule. If it was the default, the user's oldest remaining schedule becomes the default (as
 * Cal.com's web app does); deleting the last one leaves the user without a default, which the v2 API allows.
 * Event types pinned to it fall back to the default (the foreign key sets their scheduleId to null).
 */
export async function deleteSchedule(deps: Deps, actor: Actor, { scheduleId }: ScheduleIdInput): Promise<void> {
  const { userId } = actor;
  await assertScheduleOwnedBy(deps.txDb, scheduleId, userId, "BadRequestException");
  await deps.txDb.$transaction(async (tx) => {
    await tx.schedule.delete({ where: { id: scheduleId } });
    if ((await defaultScheduleIdOf(tx, userId)) !== scheduleId) return;
    const next = await tx.schedule.findFirst({ where: { userId }, orderBy: { id: "asc" }, select: { id: true } });
    await tx.user.update({ where: { id: userId }, data: { defaultScheduleId: next?.id ?? null } });
  });
}

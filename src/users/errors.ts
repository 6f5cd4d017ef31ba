import { notFound } from "../errors";

// Cal.com's UsersRepository lookups (me, schedules' owner).
export const userNotFound = (userId: number) => notFound(`User with id=${userId} not found`);

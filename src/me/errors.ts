import { conflict, notFound } from "../errors";

export const userNotFound = (userId: number) => notFound(`User with id=${userId} not found`);
export const emailTaken = () => conflict("A user with this email already exists");

import { conflict } from "../errors";

export { userNotFound } from "../users/errors";
export const emailTaken = () => conflict("A user with this email already exists");

import { conflict } from "../../errors";

// The messages Orgs / Users answer (v2/modules/organizations/users/index/services/organizations-users-service.ts).

export const orgUserEmailTaken = () => conflict("A user already exists with that email");

export const orgUsernameTaken = () => conflict("Username is already taken");

import type { Operation } from "../src/operation";
import { refreshApiKey } from "./api-keys/refresh";
import { health } from "./health/get";
import { getMe } from "./me/get";
import { updateMe } from "./me/update";

// Every operation the API serves, in one visible list.
export const operations: readonly Operation<any>[] = [
  health,
  getMe,
  updateMe,
  refreshApiKey,
];

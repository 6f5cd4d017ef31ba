import type { Operation } from "../src/operation";
import { refreshApiKey } from "./api-keys/refresh";
import { health } from "./health/get";
import { getMe } from "./me/get";
import { updateMe } from "./me/update";
import { createManagedUser } from "./oauth-client-users/create";
import { deleteManagedUser } from "./oauth-client-users/delete";
import { forceRefreshManagedUser } from "./oauth-client-users/force-refresh";
import { getManagedUser } from "./oauth-client-users/get";
import { listManagedUsers } from "./oauth-client-users/list";
import { updateManagedUser } from "./oauth-client-users/update";
import { createOAuthClient } from "./oauth-clients/create";
import { deleteOAuthClient } from "./oauth-clients/delete";
import { getOAuthClient } from "./oauth-clients/get";
import { listOAuthClients } from "./oauth-clients/list";
import { updateOAuthClient } from "./oauth-clients/update";
import { refreshTokens } from "./oauth/refresh";
import { verifyProviderAccessToken } from "./provider/verify-access-token";
import { verifyProviderClient } from "./provider/get-client";

// Every operation the API serves, in one visible list.
export const operations: readonly Operation<any>[] = [
  health,
  getMe,
  updateMe,
  refreshApiKey,
  // Platform: OAuth clients, managed users and their tokens, and the atoms' provider checks.
  createOAuthClient,
  listOAuthClients,
  getOAuthClient,
  updateOAuthClient,
  deleteOAuthClient,
  createManagedUser,
  listManagedUsers,
  getManagedUser,
  updateManagedUser,
  deleteManagedUser,
  forceRefreshManagedUser,
  refreshTokens,
  verifyProviderClient,
  verifyProviderAccessToken,
];

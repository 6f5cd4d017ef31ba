// Zoom meetings (Cal.com's packages/app-store/zoomvideo/lib/VideoApiAdapter.ts) with the credential's OAuth token.
// An expired token (or a 401 from the API) is refreshed once, serialised per credential: the refresh runs under the
// credential row's lock (`SELECT … FOR UPDATE`), re-reads the key first (another request may have refreshed it
// meanwhile), and saves the new token encrypted. Zoom's `invalid_grant` marks the credential invalid, as Cal.com does.
import { markCredentialInvalid } from "../../credentials/store";
import type { Credential } from "../../generated/prisma/client";
import type { Deps } from "../../services";
import { VideoProviderError } from "../errors";
import { decodeOAuthKey, encodeOAuthKey, type OAuthKey } from "../key";
import { basicAuth, zoomClient } from "../oauth";
import { jsonOrEmpty, providerFetch, trimSlash, type VideoMeeting, type VideoMeetingInput, type VideoProvider } from "../provider";

/** A token this close to its expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;

async function refreshUnderLock(deps: Deps, credentialId: number, staleToken: string | null): Promise<string> {
  const outcome = await deps.txDb.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ key: unknown }[]>`SELECT "key" FROM "Credential" WHERE "id" = ${credentialId} FOR UPDATE`;
      if (!row) throw new VideoProviderError("zoom", 401, "the Zoom credential no longer exists");
      const current = await decodeOAuthKey(deps, row.key);
      // Someone refreshed while we waited for the lock: use theirs.
      if (current.access_token !== staleToken && (current.expiry_date ?? 0) > deps.now() + EXPIRY_MARGIN_MS)
        return { token: current.access_token, refused: "" };
      if (!current.refresh_token) throw new VideoProviderError("zoom", 401, "the Zoom credential has no refresh token");
      const params = new URLSearchParams({ grant_type: "refresh_token", refresh_token: current.refresh_token });
      const response = await providerFetch(deps, "zoom", `${trimSlash(deps.env.ZOOM_OAUTH_URL)}/oauth/token?${params}`, {
        method: "POST",
        headers: { Authorization: basicAuth(zoomClient(deps)) },
      });
      const body = await jsonOrEmpty(response);
      // Refused for good: marked invalid after this transaction (a throw here would roll the mark back).
      if (body.error === "invalid_grant" || (response.status >= 400 && response.status < 500))
        return { token: undefined, refused: String(body.error ?? response.status) };
      if (!response.ok || typeof body.access_token !== "string") throw new VideoProviderError("zoom", response.status, "Zoom token refresh failed");
      const { expires_in, ...rest } = body;
      const next: OAuthKey = { ...current, ...rest, access_token: body.access_token, expiry_date: Math.round(deps.now() + Number(expires_in ?? 3600) * 1000) };
      await tx.credential.update({ where: { id: credentialId }, data: { key: await encodeOAuthKey(deps, next), invalid: false } });
      return { token: next.access_token, refused: "" };
    },
    { maxWait: deps.env.VIDEO_TIMEOUT_MS, timeout: deps.env.VIDEO_TIMEOUT_MS * 2 },
  );
  if (outcome.token !== undefined) return outcome.token;
  await markCredentialInvalid(deps, credentialId);
  throw new VideoProviderError("zoom", 401, `Zoom refused the refresh token (${outcome.refused})`);
}

export function zoomProvider(deps: Deps, credential: Credential): VideoProvider {
  const base = trimSlash(deps.env.ZOOM_API_URL);
  let token: string | null = null;

  const accessToken = async (): Promise<string> => {
    if (token) return token;
    const key = await decodeOAuthKey(deps, credential.key);
    token = (key.expiry_date ?? 0) > deps.now() + EXPIRY_MARGIN_MS ? key.access_token : await refreshUnderLock(deps, credential.id, key.access_token);
    return token;
  };

  const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    for (let attempt = 0; ; attempt++) {
      const current = await accessToken();
      const response = await providerFetch(deps, "zoom", `${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${current}`, "Content-Type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 401 && attempt === 0) {
        token = await refreshUnderLock(deps, credential.id, current);
        continue;
      }
      const payload = await jsonOrEmpty(response);
      if (!response.ok) throw new VideoProviderError("zoom", response.status, `Zoom answered ${response.status} to ${method} ${path}`);
      return payload;
    }
  };

  const meetingBody = (input: VideoMeetingInput) => ({
    topic: input.title,
    type: 2,
    start_time: input.start.toISOString().replace(/\.\d{3}Z$/, "Z"),
    duration: Math.round((input.end.getTime() - input.start.getTime()) / 60_000),
    timezone: input.timeZone,
    agenda: input.description ?? "",
    settings: { join_before_host: true, waiting_room: false },
  });

  return {
    type: "zoom_video",
    async createMeeting(input): Promise<VideoMeeting> {
      const meeting = await call("POST", "/users/me/meetings", meetingBody(input));
      return { type: "zoom_video", id: String(meeting.id), password: String(meeting.password ?? ""), url: String(meeting.join_url ?? "") };
    },
    async updateMeeting(meetingId, input): Promise<VideoMeeting> {
      await call("PATCH", `/meetings/${encodeURIComponent(meetingId)}`, meetingBody(input));
      return { type: "zoom_video", id: meetingId, password: "", url: "" };
    },
    async deleteMeeting(meetingId) {
      await call("DELETE", `/meetings/${encodeURIComponent(meetingId)}`);
    },
  };
}

// Cal Video: Daily's REST API (Cal.com's packages/app-store/dailyvideo/lib/VideoApiAdapter.ts): a public room with
// prejoin and knocking that expires 14 days after the meeting, and an owner meeting token kept as the password.
import type { Deps } from "../../services";
import { VideoProviderError } from "../errors";
import { jsonOrEmpty, providerFetch, trimSlash, type VideoMeeting, type VideoMeetingInput, type VideoProvider } from "../provider";

const FOURTEEN_DAYS = 14 * 86_400;

export function dailyProvider(deps: Deps): VideoProvider {
  const base = trimSlash(deps.env.DAILY_API_URL);
  const headers = { Authorization: `Bearer ${deps.env.DAILY_API_KEY}`, "Content-Type": "application/json" };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await providerFetch(deps, "daily", `${base}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    const payload = await jsonOrEmpty(response);
    if (!response.ok) throw new VideoProviderError("daily", response.status, `Daily answered ${response.status} to ${method} ${path}`);
    return payload;
  };
  const roomFor = async (name: string | undefined, input: VideoMeetingInput): Promise<VideoMeeting> => {
    const exp = Math.round(input.end.getTime() / 1000) + FOURTEEN_DAYS;
    const room = await call("POST", name ? `/rooms/${encodeURIComponent(name)}` : "/rooms", {
      ...(name ? {} : { name: input.uid.replace(/[^\w-]/g, "") }),
      privacy: "public",
      properties: { enable_prejoin_ui: true, enable_knocking: true, enable_screenshare: true, enable_chat: true, exp },
    });
    const roomName = String(room.name ?? name);
    const token = await call("POST", "/meeting-tokens", { properties: { room_name: roomName, exp, is_owner: true } });
    return { type: "daily_video", id: roomName, password: String(token.token ?? ""), url: String(room.url ?? "") };
  };
  return {
    type: "daily_video",
    createMeeting: (input) => roomFor(undefined, input),
    updateMeeting: (meetingId, input) => roomFor(meetingId, input),
    async deleteMeeting(meetingId) {
      try {
        await call("DELETE", `/rooms/${encodeURIComponent(meetingId)}`);
      } catch (error) {
        // Already gone is what we wanted.
        if (!(error instanceof VideoProviderError && error.status === 404)) throw error;
      }
    },
  };
}

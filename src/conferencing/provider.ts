// One interface for the video providers a booking's meeting is created with (Cal.com's VideoApiAdapter): Daily
// (Cal Video), Zoom; built per credential by `videoProviderFor`. Base URLs come from settings (src/env.ts), so tests
// point them at local fakes. Plain fetch, VIDEO_TIMEOUT_MS per request.
import type { Credential } from "../generated/prisma/client";
import type { Deps } from "../services";
import { VideoProviderError } from "./errors";
import { dailyProvider } from "./providers/daily";
import { zoomProvider } from "./providers/zoom";

export interface VideoMeetingInput {
  /** The booking's uid (Daily names the room after it). */
  uid: string;
  title: string;
  description?: string | null;
  start: Date;
  end: Date;
  timeZone: string;
}

/** What a BookingReference keeps of a meeting (Cal.com's VideoCallData). */
export interface VideoMeeting {
  /** The reference type: `daily_video`, `zoom_video`. */
  type: string;
  /** Daily: the room name; Zoom: the meeting id. */
  id: string;
  /** Daily: the owner's meeting token; Zoom: the meeting password. */
  password: string;
  url: string;
}

export interface VideoProvider {
  readonly type: string;
  createMeeting(input: VideoMeetingInput): Promise<VideoMeeting>;
  updateMeeting(meetingId: string, input: VideoMeetingInput): Promise<VideoMeeting>;
  deleteMeeting(meetingId: string): Promise<void>;
}

/** The provider for a booking location (`integrations:daily`, `integrations:zoom`), or null when it has none here. */
export function videoProviderFor(deps: Deps, location: string, credential: Credential | null): VideoProvider | null {
  if (location === "integrations:daily") return deps.env.DAILY_API_KEY ? dailyProvider(deps) : null;
  if (location === "integrations:zoom") return credential ? zoomProvider(deps, credential) : null;
  return null;
}

/** fetch with the settings' timeout; network failures and timeouts become a VideoProviderError (status 0). */
export async function providerFetch(deps: Deps, provider: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(deps.env.VIDEO_TIMEOUT_MS) });
  } catch (error) {
    throw new VideoProviderError(provider, 0, `${provider} unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function jsonOrEmpty(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export const trimSlash = (url: string) => url.replace(/\/+$/, "");

import type { LocationInput } from "../event-types/locations";

// Event type locations in Cal.com's internal shape (the one the Booker renders), converted from the stored
// 2024-06-14 shape as Cal.com's api-to-internal transformer does, then privacy-filtered as the public event is
// (packages/app-store/locations.ts privacyFilteredLocations: a location not shown publicly keeps only its type).

const INTEGRATION_TYPES: Record<string, string> = {
  "cal-video": "integrations:daily",
  "google-meet": "integrations:google:meet",
  "office365-video": "integrations:office365_video",
  zoom: "integrations:zoom",
  "whereby-video": "integrations:whereby_video",
  "whatsapp-video": "integrations:whatsapp_video",
  "webex-video": "integrations:webex_video",
  "telegram-video": "integrations:telegram_video",
  tandem: "integrations:tandem",
  "sylaps-video": "integrations:sylaps_video",
  "skype-video": "integrations:skype_video",
  "sirius-video": "integrations:sirius_video_video",
  "signal-video": "integrations:signal_video",
  "shimmer-video": "integrations:shimmer_video",
  "salesroom-video": "integrations:salesroom_video",
  "roam-video": "integrations:roam_video",
  "riverside-video": "integrations:riverside_video",
  "ping-video": "integrations:ping_video",
  "mirotalk-video": "integrations:mirotalk_video",
  jitsi: "integrations:jitsi",
  "jelly-video": "integrations:jelly_video",
  "jelly-conferencing": "integrations:jelly_conferencing",
  huddle: "integrations:huddle01",
  "facetime-video": "integrations:facetime_video",
  "element-call-video": "integrations:element-call_video",
  "eightxeight-video": "integrations:eightxeight_video",
  "discord-video": "integrations:discord_video",
  "demodesk-video": "integrations:demodesk_video",
  "campfire-video": "integrations:campfire_video",
};

export type InternalLocation = { type: string; address?: string; link?: string; hostPhoneNumber?: string; displayLocationPublicly?: boolean };

function toInternal(location: LocationInput): InternalLocation {
  switch (location.type) {
    case "address":
      return { type: "inPerson", address: location.address, displayLocationPublicly: location.public };
    case "link":
      return { type: "link", link: location.link, displayLocationPublicly: location.public };
    case "phone":
      return { type: "userPhone", hostPhoneNumber: location.phone, displayLocationPublicly: location.public };
    case "integration":
      return { type: INTEGRATION_TYPES[location.integration] ?? `integrations:${location.integration}` };
    case "attendeeAddress":
      return { type: "attendeeInPerson" };
    case "attendeePhone":
      return { type: "phone" };
    case "attendeeDefined":
      return { type: "somewhereElse" };
  }
}

function privacyFiltered(location: InternalLocation): InternalLocation {
  if (location.displayLocationPublicly) return location;
  const { address: _address, link: _link, hostPhoneNumber: _phone, ...rest } = location;
  return rest;
}

export function toPublicLocations(stored: readonly LocationInput[]): InternalLocation[] {
  return stored.map(toInternal).map(privacyFiltered);
}

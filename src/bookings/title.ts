// Cal.com's getEventName: the event type's custom name with its variables filled in, else
// "<event type title> between <host> and <attendee>".

interface EventNameInput {
  eventTypeTitle: string;
  eventName: string | null;
  hostName: string;
  attendeeName: string;
  location: string | null;
  responses: Record<string, unknown>;
}

export function bookingTitle(input: EventNameInput): string {
  if (!input.eventName) return `${input.eventTypeTitle} between ${input.hostName} and ${input.attendeeName}`;
  const [firstName, ...rest] = input.attendeeName.split(" ");
  const variables: Record<string, string> = {
    "{event type title}": input.eventTypeTitle,
    "{scheduler}": input.attendeeName,
    "{attendee}": input.attendeeName,
    "{attendee_name}": input.attendeeName,
    "{attendee_first_name}": firstName ?? "",
    "{attendee_last_name}": rest.join(" "),
    "{scheduler_first_name}": firstName ?? "",
    "{scheduler_last_name}": rest.join(" "),
    "{organiser}": input.hostName,
    "{organizer}": input.hostName,
    "{host}": input.hostName,
    "{location}": input.location ?? "",
  };
  return input.eventName.replace(/\{[^{}]+\}/g, (token) => {
    const known = variables[token.toLowerCase()];
    if (known !== undefined) return known;
    // Custom booking field variables: {FIELD_SLUG} in upper case, as Cal.com's event naming allows.
    const slug = token.slice(1, -1);
    const key = Object.keys(input.responses).find((k) => k.toLowerCase() === slug.toLowerCase());
    const value = key === undefined ? undefined : input.responses[key];
    return value === undefined || value === null ? token : String(value);
  });
}

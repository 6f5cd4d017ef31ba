import { createRoute, z } from "@hono/zod-openapi";
import { saveCalendarOAuth } from "../../src/calendars/oauth-connect";
import { CalendarParams } from "../../src/calendars/schemas";
import { defineOperation } from "../../src/operation";

const SaveQuery = z.object({
  state: z.string().max(4096).optional(),
  code: z.string().max(4096).optional(),
});

const route = createRoute({
  method: "get",
  path: "/v2/calendars/{calendar}/save",
  operationId: "CalendarsController_save",
  summary: "Save Google or Outlook calendar credentials",
  description:
    "The OAuth redirect target (no authentication: the signed `state` names the user). Exchanges `code`, stores the credential, selects the " +
    "account's primary calendar for conflict checking, and answers a 301 to the `redir` given at connect (else the origin it started from).",
  tags: ["Calendars"],
  request: { params: CalendarParams, query: SaveQuery },
  responses: {
    301: { description: "Redirect back to the application" },
  },
});

export const saveCalendarOAuthOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const query = c.req.valid("query");
    const location = await saveCalendarOAuth(c.var.deps, {
      calendar: c.req.valid("param").calendar,
      state: query.state,
      code: query.code,
      requestBase: new URL(c.req.url).origin,
    });
    return c.redirect(location, 301);
  },
});

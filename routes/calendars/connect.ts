import { createRoute, z } from "@hono/zod-openapi";
import { CalendarParams } from "../../src/calendars/schemas";
import { calendarConnectUrl } from "../../src/calendars/oauth-connect";
import { SUCCESS, successOf } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const ConnectQuery = z.object({
  redir: z.string().max(2048).optional().openapi({ description: "Redirect URL after successful calendar authorization." }),
  isDryRun: z
    .enum(["true", "false"], { error: "Validation failed (boolean string is expected)" })
    .optional()
    .openapi({ description: "Return to `redir` without saving the connection." }),
});

const ConnectOutputSchema = successOf(z.object({ authUrl: z.string() })).openapi("CalendarConnectOutput");

const route = createRoute({
  method: "get",
  path: "/v2/calendars/{calendar}/connect",
  operationId: "CalendarsController_redirect",
  summary: "Get OAuth connect URL",
  description:
    "The consent URL of Google (`google`) or Microsoft (`office365`) for connecting the caller's calendar. Its `state` is signed by this " +
    "server and expires after an hour; the provider then redirects to `GET /v2/calendars/{calendar}/save`.",
  tags: ["Calendars"],
  request: { params: CalendarParams, query: ConnectQuery },
  responses: {
    200: { description: "The consent URL", content: { "application/json": { schema: ConnectOutputSchema } } },
  },
});

export const calendarConnectOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: ["API_KEY", "ACCESS_TOKEN", "THIRD_PARTY_ACCESS_TOKEN", "NEXT_AUTH"] },
  handler: async (c) => {
    const query = c.req.valid("query");
    const requestBase = new URL(c.req.url).origin;
    const data = await calendarConnectUrl(c.var.deps, actorOf(c), {
      calendar: c.req.valid("param").calendar,
      redir: query.redir,
      isDryRun: query.isDryRun === "true",
      origin: c.req.header("origin") ?? c.req.header("host") ?? requestBase,
      requestBase,
    });
    return c.json({ status: SUCCESS, data }, 200);
  },
});

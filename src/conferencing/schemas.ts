import { z } from "@hono/zod-openapi";

// `{app}` is a plain string, as in Cal.com (its @Param has no pipe): an app the operation does not take answers the
// service's 400 with Cal.com's message, after the guards.
const appParam = (apps: readonly string[]) =>
  z
    .string()
    .min(1)
    .max(50)
    .openapi({ param: { name: "app", in: "path" }, description: `Conferencing application: ${apps.join(", ")}`, example: apps[0] });

export const ConnectAppParams = z.object({ app: appParam(["google-meet"]) });
export const OAuthAppParams = z.object({ app: appParam(["zoom", "msteams"]) });
export const DefaultAppParams = z.object({ app: appParam(["google-meet", "zoom", "msteams", "daily-video"]) });
export const DisconnectAppParams = z.object({ app: appParam(["google-meet", "zoom", "msteams"]) });

const redirectTarget = (name: string) =>
  z
    .string()
    .max(2048)
    .optional()
    .openapi({
      description: `Where the callback redirects ${name === "returnTo" ? "after success" : "after a failure"} (default: the request's Origin).`,
      example: "https://app.example.com/settings",
    });

export const AuthUrlQuery = z.object({ returnTo: redirectTarget("returnTo"), onErrorReturnTo: redirectTarget("onErrorReturnTo") });

/** The provider's redirect back: `state` as we issued it, `code` to exchange, or `error`/`error_description`. */
export const OAuthCallbackQuery = z.object({
  state: z.string().max(8192).optional().openapi({ description: "The state issued with the auth URL" }),
  code: z.string().max(4096).optional().openapi({ description: "The provider's authorization code" }),
  error: z.string().max(1000).optional(),
  error_description: z.string().max(4000).optional(),
});

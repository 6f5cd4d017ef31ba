// Temporary: routes/webhooks and routes/oauth-clients/webhooks still import ClientParamsSchema from here.
export { ClientParamsSchema } from "../../src/platform/schemas";

import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

// Output shapes as the contract names them. Forms are the stored rows (Cal.com answers them raw); `fields` and
// `routes` are the stored JSON arrays (the document types them as objects).

export const RoutingFormOutputSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    position: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    userId: z.number(),
    teamId: z.number().nullable(),
    disabled: z.boolean(),
    routes: z.unknown().nullable(),
    fields: z.unknown().nullable(),
    settings: z.unknown().nullable(),
  })
  .openapi("RoutingFormOutput");
export const GetRoutingFormsOutputSchema = successOf(z.array(RoutingFormOutputSchema)).openapi("GetRoutingFormsOutput");

export const RoutingFormResponseOutputSchema = z
  .object({
    id: z.number(),
    formId: z.string(),
    formFillerId: z.string(),
    routedToBookingUid: z.string().nullable(),
    response: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi("RoutingFormResponseOutput");
export const GetRoutingFormResponsesOutputSchema = successOf(z.array(RoutingFormResponseOutputSchema)).openapi("GetRoutingFormResponsesOutput");
export const UpdateRoutingFormResponseOutputSchema = successOf(RoutingFormResponseOutputSchema).openapi("UpdateRoutingFormResponseOutput");

const SlotsSchema = z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).openapi({ description: "Slots by local date." });

const RoutingSchema = z
  .object({
    responseId: z.number().nullable().optional(),
    queuedResponseId: z.string().nullable().optional(),
    teamMemberIds: z.array(z.number()),
    teamMemberEmail: z.string().optional(),
    skipContactOwner: z.boolean().optional(),
  })
  .openapi("Routing");

export const CreateRoutingFormResponseOutputSchema = successOf(
  z
    .object({
      eventTypeId: z.number().optional(),
      routing: RoutingSchema.optional(),
      routingCustomMessage: z.string().optional(),
      routingExternalRedirectUrl: z.string().optional(),
      slots: SlotsSchema.optional(),
    })
    .openapi("CreateRoutingFormResponseOutputData"),
).openapi("CreateRoutingFormResponseOutput");

export const ResponseSlotsOutputSchema = successOf(z.object({ eventTypeId: z.number(), slots: SlotsSchema }).openapi("ResponseSlotsOutputData")).openapi(
  "ResponseSlotsOutput",
);

interface FormRow {
  id: string;
  name: string;
  description: string | null;
  position: number;
  createdAt: Date;
  updatedAt: Date;
  userId: number;
  teamId: number | null;
  disabled: boolean;
  routes: unknown;
  fields: unknown;
  settings: unknown;
}

export const renderForm = (row: FormRow) => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });

interface ResponseRow {
  id: number;
  formId: string;
  formFillerId: string;
  routedToBookingUid: string | null;
  response: unknown;
  createdAt: Date;
}

export const renderResponse = (row: ResponseRow) => ({
  id: row.id,
  formId: row.formId,
  formFillerId: row.formFillerId,
  routedToBookingUid: row.routedToBookingUid,
  response: (row.response ?? {}) as Record<string, unknown>,
  createdAt: row.createdAt.toISOString(),
});

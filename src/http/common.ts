// Shared HTTP pieces every resource uses: path ids, take/skip pagination and its meta, the success envelope.
// Resources compose these; they never declare their own copy of an id param or an envelope.
import { z } from "@hono/zod-openapi";

const MAX_INT4 = 2147483647;

// ---------------------------------------------------------------------------------------------------------
// Path ids

/** A positive integer path id (Postgres int4), coerced from the path, with messages naming the param. */
export const intPathParam = (name: string, example = 1) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be an integer`)
    .positive()
    .max(MAX_INT4)
    .openapi({ param: { name, in: "path" }, example });

/** A string path id (cuids, uids), bounded so a path cannot carry megabytes into a query. */
export const stringPathParam = (name: string, options: { max?: number; example?: string } = {}) =>
  z
    .string()
    .min(1)
    .max(options.max ?? 100)
    .openapi({ param: { name, in: "path" }, ...(options.example ? { example: options.example } : {}) });

export const EventTypeIdParams = z.object({ eventTypeId: intPathParam("eventTypeId") });
export const ScheduleIdParams = z.object({ scheduleId: intPathParam("scheduleId", 254) });
export const TeamIdParams = z.object({ teamId: intPathParam("teamId") });
export const OrgIdParams = z.object({ orgId: intPathParam("orgId") });
export const UserIdParams = z.object({ userId: intPathParam("userId") });
export const MembershipIdParams = z.object({ membershipId: intPathParam("membershipId") });
export const ClientIdParams = z.object({ clientId: stringPathParam("clientId", { example: "clsx38nbl0001vkhlwin9fmt0" }) });
export const WebhookIdParams = z.object({ webhookId: stringPathParam("webhookId", { max: 255 }) });

export const ManagedOrganizationIdParams = z.object({ managedOrganizationId: intPathParam("managedOrganizationId") });

export const OooIdParams = z.object({ oooId: intPathParam("oooId") });

// org pbac
export const RoleIdParams = z.object({ roleId: stringPathParam("roleId", { example: "clsx38nbl0001vkhlwin9fmt0" }) });
export const PermissionParams = z.object({ permission: stringPathParam("permission", { example: "eventType.read" }) });

/** The path ids of a nested route: `pathParams(TeamIdParams, EventTypeIdParams)` (types kept: zod's extend). */
export const pathParams = <A extends z.ZodRawShape, B extends z.ZodRawShape>(outer: z.ZodObject<A>, inner: z.ZodObject<B>) => outer.extend(inner.shape);

// ---------------------------------------------------------------------------------------------------------
// Pagination (Cal.com's SkipTakePagination and its pagination meta)

const MAX_TAKE = 250;

/** `take`/`skip` query params; without a default, an absent one is `undefined` (the store picks its own). */
export function paginationQuery(defaults: { take?: number } = {}) {
  const take = z.coerce.number().int().min(1).max(MAX_TAKE);
  const skip = z.coerce.number().int().min(0);
  return z.object({
    take: (defaults.take === undefined ? take.optional() : take.default(defaults.take)).openapi({
      description: "Maximum number of items to return",
      example: 25,
    }),
    skip: (defaults.take === undefined ? skip.optional() : skip.default(0)).openapi({ description: "Number of items to skip", example: 0 }),
  });
}

/** The same two params, optional (Cal.com's SkipTakePagination). */
export const SkipTakeQuery = paginationQuery();

export const PaginationMetaSchema = z
  .object({
    totalItems: z.number(),
    remainingItems: z.number(),
    returnedItems: z.number(),
    itemsPerPage: z.number(),
    currentPage: z.number(),
    totalPages: z.number(),
    hasNextPage: z.boolean(),
    hasPreviousPage: z.boolean(),
  })
  .openapi("PaginationMetaDto");

export type PaginationMeta = z.infer<typeof PaginationMetaSchema>;

/** Cal.com's pagination meta (apps/api/v2/src/lib/pagination/pagination.ts). */
export function paginationMeta(totalItems: number, skip: number, take: number): PaginationMeta {
  const clampedSkip = Math.min(Math.max(skip, 0), totalItems);
  const totalPages = Math.ceil(totalItems / take);
  return {
    returnedItems: Math.min(Math.max(totalItems - clampedSkip, 0), take),
    totalItems,
    itemsPerPage: take,
    remainingItems: Math.max(0, totalItems - clampedSkip - take),
    currentPage: totalItems === 0 ? 0 : Math.min(Math.max(Math.floor(clampedSkip / take) + 1, 1), totalPages),
    totalPages,
    hasNextPage: clampedSkip + take < totalItems,
    hasPreviousPage: clampedSkip > 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The success envelope

export const SUCCESS = "success" as const;
export const SuccessStatus = z.literal(SUCCESS);

/** `{"status":"success","data":…}` as an OpenAPI schema; name it with `.openapi("…OutputDto")`. */
export const successOf = <T extends z.ZodType>(data: T) => z.object({ status: SuccessStatus, data });

/** `{"status":"success"}` with no data (Cal.com's delete outputs of some resources). */
export const SuccessOnlySchema = z.object({ status: SuccessStatus });

/** A list with Cal.com's pagination meta beside `data`. */
export const paginatedSuccessOf = <T extends z.ZodType>(item: T) => z.object({ status: SuccessStatus, data: z.array(item), pagination: PaginationMetaSchema });

/** A JSON response of a route: `responses: { 200: jsonResponse("The team", TeamOutput) }`. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });

/** A required JSON request body of a route: `request: { body: jsonBody(CreateTeamInput) }`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

/** The body handlers answer with: `c.json(success(data), 200)`. */
export const success = <T>(data: T) => ({ status: SUCCESS, data });

// org roles
// org attributes
export const AttributeIdParams = z.object({ attributeId: stringPathParam("attributeId", { max: 255, example: "0b5a3c1e-3f4d-4b8a-9c2e-7d6f5e4a3b2c" }) });
export const AttributeSlugParams = z.object({ attributeSlug: stringPathParam("attributeSlug", { max: 255, example: "department" }) });
export const OptionIdParams = z.object({ optionId: stringPathParam("optionId", { max: 255, example: "5c1e0b5a-3f4d-4b8a-9c2e-7d6f5e4a3b2c" }) });
export const AttributeOptionIdParams = z.object({
  attributeOptionId: stringPathParam("attributeOptionId", { max: 255, example: "5c1e0b5a-3f4d-4b8a-9c2e-7d6f5e4a3b2c" }),
});

// ---------------------------------------------------------------------------------------------------------
// Query lists

const MAX_QUERY_LIST = 250;

/** A query list given comma-separated or repeated (`?a=1,2` or `?a=1&a=2`), trimmed, empty parts dropped. */
export const queryList = () =>
  z.union([z.string(), z.array(z.string())]).transform((value) =>
    [value]
      .flat()
      .flatMap((part) => part.split(","))
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  );

/** `?teamIds=1,2`: team ids (int4), deduplicated, at most 250. */
export const teamIdsQueryParam = () =>
  queryList()
    .refine((ids) => ids.length >= 1, "teamIds must contain at least 1 team id")
    .refine((ids) => ids.every((id) => /^\d{1,10}$/.test(id) && Number(id) <= MAX_INT4), "teamIds must be team ids (integers)")
    .refine((ids) => ids.length <= MAX_QUERY_LIST, `teamIds can name at most ${MAX_QUERY_LIST} teams`)
    .transform((ids) => [...new Set(ids.map(Number))])
    .optional()
    .openapi({
      type: "array",
      items: { type: "number" },
      description: "Filter by teamIds. Team ids must be separated by a comma.",
      example: "?teamIds=100,200",
    });

/** `?assignedOptionIds=a,b`: attribute option ids, at most 250. */
export const assignedOptionIdsQueryParam = () =>
  queryList()
    .refine((ids) => ids.length >= 1, "assignedOptionIds must contain at least 1 attribute option id")
    .refine((ids) => ids.length <= MAX_QUERY_LIST && ids.every((id) => id.length <= 255), `assignedOptionIds can name at most ${MAX_QUERY_LIST} ids`)
    .optional()
    .openapi({
      type: "array",
      items: { type: "string" },
      description: "Filter by assigned attribute option ids. ids must be separated by a comma.",
      example: "?assignedOptionIds=aaaaaaaa-bbbb-cccc-dddd-eeeeee1eee,aaaaaaaa-bbbb-cccc-dddd-eeeeee2eee",
    });

// Cal.com's three verified-resources controllers (users, teams, org teams) serve the same eight operations under
// three prefixes with different guards and throttles: each is described once (its path, params, Cal.com's
// operationIds and throttles, how the path names its scope) and this builds its operations over service.ts.
import { createRoute, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { routeThrottle } from "../../middleware/route-throttle";
import type { AppEnv } from "../context";
import { errorResponses } from "../errors";
import { jsonBody, jsonResponse, SkipTakeQuery, SUCCESS, success } from "../http/common";
import { actorOf } from "../http/context";
import { defineOperation, type Operation } from "../operation";
import type { Scope } from "./access";
import {
  RequestEmailVerificationOutputSchema,
  RequestPhoneVerificationOutputSchema,
  TeamVerifiedEmailOutputSchema,
  TeamVerifiedEmailsOutputSchema,
  TeamVerifiedPhoneOutputSchema,
  TeamVerifiedPhonesOutputSchema,
  UserVerifiedEmailOutputSchema,
  UserVerifiedEmailsOutputSchema,
  UserVerifiedPhoneOutputSchema,
  UserVerifiedPhonesOutputSchema,
} from "./output";
import { RequestEmailVerificationInput, RequestPhoneVerificationInput, VerifiedResourceIdParams, VerifyEmailInput, VerifyPhoneInput } from "./schemas";
import {
  getVerifiedEmail,
  getVerifiedPhone,
  listVerifiedEmails,
  listVerifiedPhones,
  requestEmailCode,
  requestPhoneCode,
  verifyEmail,
  verifyPhone,
} from "./service";

export type VerifiedResourceOperation =
  | "requestEmailCode"
  | "requestPhoneCode"
  | "verifyEmail"
  | "verifyPhone"
  | "listEmails"
  | "listPhones"
  | "getEmail"
  | "getPhone";

/** Cal.com's @Throttle of a route: `limit` per 60 s for each caller, under its name. */
export interface Throttle {
  name: string;
  limit: number;
}

export interface VerifiedResourceOwner {
  /** e.g. "/v2/teams/{teamId}/verified-resources". */
  prefix: string;
  /** The prefix's path params (none for the caller's own). */
  params?: z.ZodObject;
  tag: string;
  /** Cal.com's controller name, the operationIds' prefix ("TeamsVerifiedResourcesController"). */
  controller: string;
  scope: "user" | "team";
  scopeOf: (params: Record<string, number>) => Scope;
  throttles: Partial<Record<VerifiedResourceOperation, Throttle>>;
  /** A sentence on the guards, for the descriptions. */
  guards: string;
}

// Cal.com's controller method names, the second half of its operationIds.
const METHOD_NAMES: Record<VerifiedResourceOperation, string> = {
  requestEmailCode: "requestEmailVerificationCode",
  requestPhoneCode: "requestPhoneVerificationCode",
  verifyEmail: "verifyEmail",
  verifyPhone: "verifyPhoneNumber",
  listEmails: "getVerifiedEmails",
  listPhones: "getVerifiedPhoneNumbers",
  getEmail: "getVerifiedEmailById",
  getPhone: "getVerifiedPhoneById",
};

export function verifiedResourceOperations(owner: VerifiedResourceOwner): Operation<any>[] {
  const team = owner.scope === "team";
  const emailOne = team ? TeamVerifiedEmailOutputSchema : UserVerifiedEmailOutputSchema;
  const emailMany = team ? TeamVerifiedEmailsOutputSchema : UserVerifiedEmailsOutputSchema;
  const phoneOne = team ? TeamVerifiedPhoneOutputSchema : UserVerifiedPhoneOutputSchema;
  const phoneMany = team ? TeamVerifiedPhonesOutputSchema : UserVerifiedPhonesOutputSchema;
  const collection = owner.params ? { params: owner.params } : {};
  const item = { params: owner.params ? owner.params.extend(VerifiedResourceIdParams.shape) : VerifiedResourceIdParams };
  const whose = team ? "the team's" : "the caller's";
  const scope = (c: Context<AppEnv>) => owner.scopeOf(pathIds(c));
  const route = (kind: VerifiedResourceOperation, path: string, summary: string, description: string) => {
    const throttle = owner.throttles[kind];
    return {
      path: `${owner.prefix}${path}`,
      operationId: `${owner.controller}_${METHOD_NAMES[kind]}`,
      summary,
      description: `${owner.guards}${throttle ? ` At most ${throttle.limit} calls a minute per user (\`${throttle.name}\`).` : ""} ${description}`,
      tags: [owner.tag],
      ...(throttle ? { middleware: [routeThrottle(throttle.name, throttle.limit)] } : {}),
    };
  };
  const served = { versions: "all" as const, auth: { allow: "any" as const } };
  return [
    defineOperation({
      ...served,
      route: createRoute({
        method: "post",
        ...route("requestEmailCode", "/emails/verification-code/request", "Request email verification code", "Emails a 6-digit code, valid 15 to 30 minutes."),
        request: { ...collection, body: jsonBody(RequestEmailVerificationInput) },
        responses: { 200: jsonResponse("The code was sent", RequestEmailVerificationOutputSchema), ...errorResponses(503) },
      }),
      handler: async (c) => {
        await requestEmailCode(c.var.deps, actorOf(c), scope(c), c.req.valid("json"));
        return c.json({ status: SUCCESS }, 200);
      },
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "post",
        ...route("requestPhoneCode", "/phones/verification-code/request", "Request phone number verification code", "Texts a code through Twilio Verify."),
        request: { ...collection, body: jsonBody(RequestPhoneVerificationInput) },
        responses: { 200: jsonResponse("The code was sent", RequestPhoneVerificationOutputSchema) },
      }),
      handler: async (c) => {
        await requestPhoneCode(c.var.deps, actorOf(c), scope(c), c.req.valid("json"));
        return c.json({ status: SUCCESS }, 200);
      },
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "post",
        ...route("verifyEmail", "/emails/verification-code/verify", "Verify an email", `Checks the code and adds the email to ${whose} verified emails.`),
        request: { ...collection, body: jsonBody(VerifyEmailInput) },
        responses: { 200: jsonResponse("The verified email", emailOne) },
      }),
      handler: async (c) => c.json(success(await verifyEmail(c.var.deps, actorOf(c), scope(c), c.req.valid("json"))), 200),
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "post",
        ...route(
          "verifyPhone",
          "/phones/verification-code/verify",
          "Verify a phone number",
          `Checks the code and adds the number to ${whose} verified phone numbers.`,
        ),
        request: { ...collection, body: jsonBody(VerifyPhoneInput) },
        responses: { 200: jsonResponse("The verified phone number", phoneOne), ...errorResponses(503) },
      }),
      handler: async (c) => c.json(success(await verifyPhone(c.var.deps, actorOf(c), scope(c), c.req.valid("json"))), 200),
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "get",
        ...route("listEmails", "/emails", "Get list of verified emails", `${capitalise(whose)} verified emails, in id order.`),
        request: { ...collection, query: SkipTakeQuery },
        responses: { 200: jsonResponse("Verified emails", emailMany) },
      }),
      handler: async (c) => c.json(success(await listVerifiedEmails(c.var.deps, actorOf(c), scope(c), c.req.valid("query"))), 200),
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "get",
        ...route("listPhones", "/phones", "Get list of verified phone numbers", `${capitalise(whose)} verified phone numbers, in id order.`),
        request: { ...collection, query: SkipTakeQuery },
        responses: { 200: jsonResponse("Verified phone numbers", phoneMany) },
      }),
      handler: async (c) => c.json(success(await listVerifiedPhones(c.var.deps, actorOf(c), scope(c), c.req.valid("query"))), 200),
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "get",
        ...route("getEmail", "/emails/{id}", "Get verified email by id", `One of ${whose} verified emails; \`data: null\` for any other id (as Cal.com).`),
        request: item,
        responses: { 200: jsonResponse("The verified email, or null", emailOne) },
      }),
      handler: async (c) => c.json(success(await getVerifiedEmail(c.var.deps, actorOf(c), scope(c), pathIds(c).id!)), 200),
    }),
    defineOperation({
      ...served,
      route: createRoute({
        method: "get",
        ...route(
          "getPhone",
          "/phones/{id}",
          "Get verified phone number by id",
          `One of ${whose} verified phone numbers; \`data: null\` for any other id (as Cal.com).`,
        ),
        request: item,
        responses: { 200: jsonResponse("The verified phone number, or null", phoneOne) },
      }),
      handler: async (c) => c.json(success(await getVerifiedPhone(c.var.deps, actorOf(c), scope(c), pathIds(c).id!)), 200),
    }),
  ];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The validated path ids (every param of these routes is an integer id). */
function pathIds(c: Context<AppEnv>): Record<string, number> {
  const valid = (c.req as unknown as { valid(target: "param"): Record<string, number> }).valid("param");
  return valid ?? {};
}

import { type Answers, evaluateQuery, type FormField, type FormRoute, type QueryNode } from "./logic";

// Attribute routing, as Cal.com runs it (app-store/_utils/raqb/findTeamMembersMatchingAttributeLogic.ts with
// raqbUtils.server.ts and routing-forms/lib/resolveQueryValue.ts): a team route's `attributesQueryValue` is a query
// tree whose rules name org attributes (by id) and compare them with attribute options (by id) or with the form's
// answers (`{field:<fieldId>}` templates). Each team member's assigned options are json-logic's data, and the tree
// is evaluated by the same evaluator as the routes themselves (logic.ts). Pure: the data comes from store.ts.
//
// - Option ids in the rules become their option's value, lower-cased; a template becomes the answer's label(s),
//   lower-cased, an array answer spread into the surrounding list; an unanswered template stays as written.
// - A member's value for an attribute is the lower-cased value of each assigned option (a group option stands for
//   the options it contains): a list for MULTI_SELECT, else the one value (a list when several are assigned).
// - No tree, or one without a complete rule: every member matches (`null`), and the fallback is not consulted.
//   A main tree that matches nobody gives way to `fallbackAttributesQueryValue`, judged by the same rules.

export type RoutingAttributeType = "TEXT" | "NUMBER" | "SINGLE_SELECT" | "MULTI_SELECT";

export interface RoutingAttributeOption {
  id: string;
  value: string;
  isGroup: boolean;
  /** A group option's member options (ids of options of the same attribute). */
  contains: readonly string[];
}

export interface RoutingAttribute {
  id: string;
  type: RoutingAttributeType;
  options: readonly RoutingAttributeOption[];
}

/** A team member and the attribute options assigned to them (AttributeToUser of their org membership). */
export interface MemberAssignments {
  userId: number;
  optionIds: readonly string[];
}

export interface AttributeRoutingInput {
  /** The organization's attributes with their options. */
  attributes: readonly RoutingAttribute[];
  /** The members who may be chosen, with their assignments. */
  members: readonly MemberAssignments[];
  /** The form's fields and the response's answers by field id (readAnswers), for `{field:…}` templates. */
  fields: readonly FormField[];
  answers: Answers;
}

export interface AttributeRoutingResult {
  /** The members the route's attribute logic chose, in the order given; null when it has no logic (everyone). */
  userIds: number[] | null;
  /** Whether the main logic matched nobody and the fallback logic decided. */
  checkedFallback: boolean;
}

const FIELD_TEMPLATE = /^\{field:(.+)\}$/;

const lower = (value: string) => value.toLowerCase();

interface Lookup {
  optionById: Map<string, RoutingAttributeOption>;
  attributeOfOption: Map<string, RoutingAttribute>;
  fieldById: Map<string, FormField>;
  answers: Answers;
}

function lookupOf(input: AttributeRoutingInput): Lookup {
  const optionById = new Map<string, RoutingAttributeOption>();
  const attributeOfOption = new Map<string, RoutingAttribute>();
  for (const attribute of input.attributes) {
    for (const option of attribute.options) {
      optionById.set(option.id, option);
      attributeOfOption.set(option.id, attribute);
    }
  }
  return {
    optionById,
    attributeOfOption,
    fieldById: new Map(input.fields.map((field) => [field.id, field])),
    answers: input.answers,
  };
}

/** A form answer as Cal.com's templates read it: option ids as their labels, numbers as text, lower-cased; null when unanswered. */
function answerLabels(lookup: Lookup, fieldId: string): string | string[] | null {
  const field = lookup.fieldById.get(fieldId);
  const answer = lookup.answers[fieldId];
  if (!field || answer === undefined || answer === null || answer === "" || (Array.isArray(answer) && answer.length === 0)) return null;
  const label = (item: unknown) => {
    const text = typeof item === "number" ? String(item) : String(item ?? "");
    return lower(field.options?.find((option) => option.id === text)?.label ?? text);
  };
  return Array.isArray(answer) ? answer.map(label) : label(answer);
}

/** A string of a rule's value: a template → the answer's labels; an option id → its value; anything else as is. */
function resolveString(lookup: Lookup, value: string): string | string[] {
  const template = FIELD_TEMPLATE.exec(value.trim());
  if (template) return answerLabels(lookup, template[1]!) ?? value;
  const option = lookup.optionById.get(value);
  return option ? lower(option.value) : value;
}

function resolveValue(lookup: Lookup, value: unknown): unknown {
  if (typeof value === "string") return resolveString(lookup, value);
  if (Array.isArray(value)) {
    // A template answered with several labels is spread into the list it stands in (Cal.com's flattening).
    return value.flatMap((item) => {
      if (typeof item !== "string") return [resolveValue(lookup, item)];
      const resolved = resolveString(lookup, item);
      return Array.isArray(resolved) && FIELD_TEMPLATE.test(item.trim()) ? resolved : [resolved];
    });
  }
  return value;
}

/** The tree with every rule's value resolved (option ids → values, templates → answers). */
function resolveTree(lookup: Lookup, node: QueryNode): QueryNode {
  if (node.type === "rule") {
    const properties = node.properties ?? {};
    return { ...node, properties: { ...properties, ...(properties.value ? { value: resolveValue(lookup, properties.value) as unknown[] } : {}) } };
  }
  const children = Array.isArray(node.children1) ? node.children1 : Object.values(node.children1 ?? {});
  return { ...node, children1: children.map((child) => resolveTree(lookup, child)) };
}

/** A member's json-logic data: attribute id → its lower-cased option value(s). */
function memberData(lookup: Lookup, member: MemberAssignments): Answers {
  const byAttribute = new Map<RoutingAttribute, string[]>();
  for (const optionId of member.optionIds) {
    const option = lookup.optionById.get(optionId);
    const attribute = lookup.attributeOfOption.get(optionId);
    if (!option || !attribute) continue;
    const values = option.isGroup ? option.contains.flatMap((id) => lookup.optionById.get(id)?.value ?? []) : [option.value];
    byAttribute.set(attribute, [...(byAttribute.get(attribute) ?? []), ...values.map(lower)]);
  }
  const data: Answers = {};
  for (const [attribute, values] of byAttribute) {
    const distinct = [...new Set(values)];
    data[attribute.id] = attribute.type === "MULTI_SELECT" || distinct.length !== 1 ? distinct : distinct[0];
  }
  return data;
}

/** The members one tree chooses, or null when the tree has no complete rule (everyone). */
function membersMatching(lookup: Lookup, members: readonly MemberAssignments[], queryValue: QueryNode | null | undefined): number[] | null {
  if (!queryValue) return null;
  const resolved = resolveTree(lookup, queryValue);
  // Whether the tree holds a complete rule does not depend on the data, so empty data tells.
  if (evaluateQuery(resolved, {}) === undefined) return null;
  return members.filter((member) => evaluateQuery(resolved, memberData(lookup, member)) === true).map((member) => member.userId);
}

/** The members a route's attribute logic chooses (its fallback logic when the main one matches nobody). */
export function findMembersMatchingAttributeLogic(
  route: Pick<FormRoute, "attributesQueryValue" | "fallbackAttributesQueryValue">,
  input: AttributeRoutingInput,
): AttributeRoutingResult {
  const lookup = lookupOf(input);
  const main = membersMatching(lookup, input.members, route.attributesQueryValue);
  if (main === null || main.length > 0) return { userIds: main, checkedFallback: false };
  return { userIds: membersMatching(lookup, input.members, route.fallbackAttributesQueryValue), checkedFallback: true };
}

/** Whether a route carries attribute logic worth loading the org's attributes for. */
export const hasAttributeLogic = (route: Pick<FormRoute, "attributesQueryValue">): boolean => Boolean(route.attributesQueryValue);

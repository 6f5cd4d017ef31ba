// Routing-form logic as Cal.com evaluates it (packages/app-store/routing-forms: evaluateRaqbLogic.ts, jsonLogic.ts and
// the react-awesome-query-builder operators of components/react-awesome-query-builder/config/basic.ts), as one pure
// function over the stored query tree: no conversion to json-logic and no dependency. Text comparisons are
// case-insensitive, as Cal.com's overridden `==`, `!=` and `in` are. A route whose tree has no complete rule
// matches everything (Cal.com's LOGIC_NOT_FOUND_SO_MATCHED); the first matching non-fallback route wins, else the
// fallback route.

export interface FormFieldOption {
  id?: string | null;
  label: string;
}

export interface FormField {
  id: string;
  type: string;
  label: string;
  identifier?: string | null;
  required?: boolean;
  options?: FormFieldOption[];
}

export interface RuleNode {
  type: "rule";
  properties?: { field?: string; operator?: string; value?: unknown[] };
}
export interface GroupNode {
  type: "group" | "rule_group";
  properties?: { conjunction?: string; not?: boolean };
  children1?: Record<string, QueryNode> | QueryNode[];
}
export type QueryNode = RuleNode | GroupNode;

export interface RouteAction {
  type: "eventTypeRedirectUrl" | "customPageMessage" | "externalRedirectUrl" | string;
  value: string;
  eventTypeId?: number;
}

export interface FormRoute {
  id: string;
  action?: RouteAction;
  queryValue?: QueryNode | null;
  isFallback?: boolean;
  /** Team routes: which team members may take the booking, by their attributes (src/routing-forms/attribute-logic.ts). */
  attributesQueryValue?: QueryNode | null;
  /** Used when `attributesQueryValue` matches nobody. */
  fallbackAttributesQueryValue?: QueryNode | null;
  /** A route that includes another form's routes (Cal.com's "router"): not supported, skipped. */
  isRouter?: boolean;
}

/** Answers by field id, as json-logic's data: strings, numbers, or arrays for multi-select fields. */
export type Answers = Record<string, unknown>;

const lower = (value: unknown): unknown =>
  typeof value === "string" ? value.toLowerCase() : Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item.toLowerCase() : item)) : value;

// json-logic's `==` after Cal.com's lower-casing (loose equality is what json-logic-js applies).
// biome-ignore lint/suspicious/noDoubleEquals: json-logic's `==` is JavaScript's loose equality.
const looseEquals = (a: unknown, b: unknown): boolean => lower(a) == lower(b);

// Cal.com's `in`: b contains a (substring of a string, or an element of an array).
function contains(haystack: unknown, needle: unknown): boolean {
  const h = lower(haystack);
  if (!h) return false;
  if (typeof h === "string") return h.indexOf(String(lower(needle))) !== -1;
  if (Array.isArray(h)) return h.indexOf(lower(needle)) !== -1;
  return false;
}

// json-logic's truthiness: an empty array is false.
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value]);

const compare = (a: unknown, b: unknown, op: "<" | "<=" | ">" | ">="): boolean => {
  const x = a as number;
  const y = b as number;
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
};

/** Operators with no operand. */
const NO_OPERAND = new Set(["is_empty", "is_not_empty"]);

/** One rule against the answers; undefined when the rule is incomplete (the query builder drops it). */
function evaluateRule(rule: RuleNode, answers: Answers): boolean | undefined {
  const { field, operator, value } = rule.properties ?? {};
  if (!field || !operator) return undefined;
  const values = Array.isArray(value) ? value : [];
  const first = values[0];
  if (!NO_OPERAND.has(operator) && (first === undefined || first === null || first === "")) return undefined;
  const answer = answers[field];
  switch (operator) {
    case "equal":
    case "select_equals":
      return looseEquals(answer, first);
    case "not_equal":
    case "select_not_equals":
      return !looseEquals(answer, first);
    case "less":
      return compare(answer, first, "<");
    case "less_or_equal":
      return compare(answer, first, "<=");
    case "greater":
      return compare(answer, first, ">");
    case "greater_or_equal":
      return compare(answer, first, ">=");
    case "between":
    case "not_between": {
      if (values[1] === undefined || values[1] === null || values[1] === "") return undefined;
      const min = Number.parseInt(String(first), 10);
      const max = Number.parseInt(String(values[1]), 10);
      const inside = compare(answer, min, ">=") && compare(answer, max, "<=");
      return operator === "between" ? inside : !inside;
    }
    case "like":
      return contains(answer, first);
    case "not_like":
      return !contains(answer, first);
    case "starts_with":
      return typeof answer === "string" && answer.toLowerCase().startsWith(String(first).toLowerCase());
    case "is_empty":
      return !truthy(answer);
    case "is_not_empty":
      return truthy(answer);
    case "select_any_in":
      return contains(first, answer);
    case "select_not_any_in":
      return !contains(first, answer);
    case "multiselect_equals":
    case "multiselect_all_in":
    case "multiselect_not_equals": {
      // Cal.com's "All in": every selected option is among the rule's (json-logic `all`: false for none).
      // `multiselect_all_in` is the name attribute routes store for the same operator.
      const selected = asList(answer);
      const all = selected.length > 0 && selected.every((item) => contains(first, item));
      return operator === "multiselect_not_equals" ? !all : all;
    }
    case "multiselect_some_in":
    case "multiselect_not_some_in": {
      const some = asList(answer).some((item) => contains(first, item));
      return operator === "multiselect_some_in" ? some : !some;
    }
    default:
      // An operator the query builder would not produce for form fields: the rule is dropped, as raqb does.
      return undefined;
  }
}

const childrenOf = (group: GroupNode): QueryNode[] =>
  Array.isArray(group.children1) ? group.children1 : group.children1 ? Object.values(group.children1) : [];

/** A group against the answers; undefined when it holds no complete rule. */
function evaluateNode(node: QueryNode, answers: Answers): boolean | undefined {
  if (node.type === "rule") return evaluateRule(node, answers);
  const results = childrenOf(node)
    .map((child) => evaluateNode(child, answers))
    .filter((result): result is boolean => result !== undefined);
  if (results.length === 0) return undefined;
  const or = (node.properties?.conjunction ?? "AND").toUpperCase() === "OR";
  const combined = or ? results.some(Boolean) : results.every(Boolean);
  return node.properties?.not ? !combined : combined;
}

/**
 * A query tree against json-logic's data: true or false, or undefined when the tree holds no complete rule
 * (Cal.com builds no logic from it). Whether it is undefined depends on the tree alone, never on the data.
 */
export const evaluateQuery = (queryValue: QueryNode, data: Answers): boolean | undefined => evaluateNode(queryValue, data);

/** Whether a route's query matches the answers (no logic at all: a match, as in Cal.com). */
export function queryMatches(queryValue: QueryNode | null | undefined, answers: Answers): boolean {
  if (!queryValue) return true;
  return evaluateNode(queryValue, answers) ?? true;
}

/** The route a response goes to: the first non-fallback route whose query matches, else the fallback, else null. */
export function findMatchingRoute(routes: readonly FormRoute[], answers: Answers): FormRoute | null {
  const candidates = routes.filter((route) => !route.isRouter && route.action);
  const matched = candidates.find((route) => !route.isFallback && queryMatches(route.queryValue, answers));
  return matched ?? candidates.find((route) => route.isFallback) ?? null;
}

export interface ResponseEntry {
  label: string;
  identifier?: string;
  value: unknown;
}

export type AnswerProblem = { kind: "missing"; labels: string[] } | { kind: "email"; label: string; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An option's stored value: its id where it has one (new forms), else its label (legacy forms). */
const optionValue = (option: FormFieldOption) => option.id ?? option.label;

/** A select answer given by option id or label (case-insensitive) → the option's value; other answers as given. */
function normaliseChoice(field: FormField, value: unknown): unknown {
  if (!field.options?.length || typeof value !== "string") return value;
  const wanted = value.toLowerCase();
  const option = field.options.find((o) => optionValue(o).toLowerCase() === wanted) ?? field.options.find((o) => o.label.toLowerCase() === wanted);
  return option ? optionValue(option) : value;
}

function normaliseAnswer(field: FormField, value: unknown): unknown {
  if (field.type === "number" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  if (field.type === "multiselect" || field.type === "checkbox") return asList(value).map((item) => normaliseChoice(field, item));
  return normaliseChoice(field, value);
}

const isBlank = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * The body's answers (keyed by field identifier, else label, else id) → the stored response `{<fieldId>: {label,
 * identifier?, value}}` and json-logic's data `{<fieldId>: value}`, or the first problem (Cal.com's messages).
 */
export function readAnswers(
  fields: readonly FormField[],
  body: Record<string, unknown>,
): { ok: true; response: Record<string, ResponseEntry>; answers: Answers } | { ok: false; problem: AnswerProblem } {
  const response: Record<string, ResponseEntry> = {};
  const answers: Answers = {};
  const missing: string[] = [];
  let badEmail: AnswerProblem | undefined;
  for (const field of fields) {
    const key = [field.identifier, field.label, field.id].find((k): k is string => Boolean(k) && Object.hasOwn(body, k as string));
    const raw = key === undefined ? undefined : body[key];
    if (isBlank(raw)) {
      if (field.required) missing.push(field.label);
      continue;
    }
    if (field.type === "email" && (typeof raw !== "string" || !EMAIL.test(raw))) {
      badEmail ??= { kind: "email", label: field.label, value: String(raw) };
      continue;
    }
    const value = normaliseAnswer(field, raw);
    response[field.id] = { label: field.label, ...(field.identifier ? { identifier: field.identifier } : {}), value };
    answers[field.id] = value;
  }
  // Cal.com reports missing fields before invalid ones.
  if (missing.length > 0) return { ok: false, problem: { kind: "missing", labels: missing } };
  if (badEmail) return { ok: false, problem: badEmail };
  return { ok: true, response, answers };
}

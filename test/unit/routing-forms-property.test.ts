// Property test: a routing-form response goes to the first route whose conditions match, else to the fallback
// route. Seeded random forms (text, number, email, select and multi-select fields), random answers given by
// identifier or label, and random routes whose rules are built together with their expected truth for those
// answers (an oracle by construction, independent of the evaluator): the route chosen by readAnswers +
// findMatchingRoute must be the first route whose expected truth holds, else the fallback, else none.
import { describe, expect, it } from "vitest";
import { type FormField, type FormRoute, findMatchingRoute, type QueryNode, queryMatches, readAnswers } from "../../src/routing-forms/logic";
import { Random } from "../support/property";

const CASES = 220;
const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];

const mixCase = (r: Random, s: string) => [...s].map((ch) => (r.chance(0.5) ? ch.toUpperCase() : ch)).join("");

interface Built {
  fields: FormField[];
  body: Record<string, unknown>;
  /** The value each field answered (by field id; option ids for choices), undefined when unanswered. */
  answer: Record<string, unknown>;
}

function buildForm(r: Random): Built {
  const fields: FormField[] = [];
  const body: Record<string, unknown> = {};
  const answer: Record<string, unknown> = {};
  const count = r.int(1, 5);
  for (let i = 0; i < count; i++) {
    const id = `f${i}`;
    const type = r.pick(["text", "number", "select", "multiselect", "email"] as const);
    const options = type === "select" || type === "multiselect" ? WORDS.slice(0, r.int(3, 6)).map((w, k) => ({ id: `o${i}-${k}`, label: w })) : undefined;
    const field: FormField = { id, type, label: `Label ${i}`, identifier: r.chance(0.7) ? `q${i}` : null, required: false, ...(options ? { options } : {}) };
    fields.push(field);
    if (r.chance(0.15)) continue; // unanswered
    const key = field.identifier ?? field.label;
    if (type === "text") {
      const word = `${r.pick(WORDS)}${r.pick(WORDS)}`;
      body[key] = word;
      answer[id] = word;
    } else if (type === "email") {
      const email = `${r.pick(WORDS)}@example.com`;
      body[key] = email;
      answer[id] = email;
    } else if (type === "number") {
      const n = r.int(0, 100);
      body[key] = r.chance(0.5) ? n : String(n);
      answer[id] = n;
    } else if (type === "select" && options) {
      const option = r.pick(options);
      body[key] = r.chance(0.5) ? option.id : mixCase(r, option.label);
      answer[id] = option.id;
    } else if (options) {
      const chosen = options.filter(() => r.chance(0.4));
      if (chosen.length === 0) continue;
      body[key] = chosen.map((o) => (r.chance(0.5) ? o.id : o.label));
      answer[id] = chosen.map((o) => o.id);
    }
  }
  return { fields, body, answer };
}

type Rule = { node: QueryNode; expected: boolean };

const rule = (field: string, operator: string, value: unknown[]): QueryNode => ({ type: "rule", properties: { field, operator, value } });

/** A rule on one field with its truth for the built answers. */
function buildRule(r: Random, field: FormField, answer: unknown): Rule {
  const id = field.id;
  const want = r.chance(0.5);
  if (answer === undefined) {
    // Only emptiness can be asked of an unanswered field.
    return r.chance(0.5) ? { node: rule(id, "is_empty", []), expected: true } : { node: rule(id, "is_not_empty", []), expected: false };
  }
  if (field.type === "text" || field.type === "email") {
    const s = answer as string;
    const other = `zz${r.pick(WORDS)}zz`;
    switch (r.int(0, 5)) {
      case 0:
        return { node: rule(id, "equal", [want ? mixCase(r, s) : other]), expected: want };
      case 1:
        return { node: rule(id, "not_equal", [want ? other : mixCase(r, s)]), expected: want };
      case 2:
        return { node: rule(id, "like", [want ? mixCase(r, s.slice(1, 4)) : other]), expected: want };
      case 3:
        return { node: rule(id, "starts_with", [want ? mixCase(r, s.slice(0, 3)) : s.slice(1, 4) === s.slice(0, 3) ? other : s.slice(1, 4)]), expected: want };
      case 4:
        return { node: rule(id, "is_not_empty", []), expected: true };
      default:
        return { node: rule(id, "is_empty", []), expected: false };
    }
  }
  if (field.type === "number") {
    const n = answer as number;
    switch (r.int(0, 4)) {
      case 0:
        return { node: rule(id, "equal", [want ? n : n + 1]), expected: want };
      case 1:
        return { node: rule(id, "less", [want ? n + r.int(1, 9) : n - r.int(0, 9)]), expected: want };
      case 2:
        return { node: rule(id, "greater", [want ? n - r.int(1, 9) : n + r.int(0, 9)]), expected: want };
      case 3:
        return { node: rule(id, "between", want ? [String(n - r.int(0, 3)), String(n + r.int(0, 3))] : [String(n + 1), String(n + 5)]), expected: want };
      default:
        return { node: rule(id, "not_between", want ? [String(n + 1), String(n + 5)] : [String(n - 1), String(n + 1)]), expected: want };
    }
  }
  const optionIds = (field.options ?? []).map((o) => o.id as string);
  if (field.type === "select") {
    const chosen = answer as string;
    const others = optionIds.filter((o) => o !== chosen);
    switch (r.int(0, 3)) {
      case 0:
        return { node: rule(id, "select_equals", [want ? chosen : r.pick(others)]), expected: want };
      case 1:
        return { node: rule(id, "select_not_equals", [want ? r.pick(others) : chosen]), expected: want };
      case 2:
        return { node: rule(id, "select_any_in", [want ? [r.pick(others), chosen] : others.slice(0, 2)]), expected: want };
      default:
        return { node: rule(id, "select_not_any_in", [want ? others.slice(0, 2) : [chosen, r.pick(others)]]), expected: want };
    }
  }
  const chosen = answer as string[];
  const unchosen = optionIds.filter((o) => !chosen.includes(o));
  switch (r.int(0, 2)) {
    case 0:
      // "All in": every selected option among the rule's.
      return { node: rule(id, "multiselect_equals", [want ? [...chosen, ...unchosen.slice(0, 1)] : [...chosen.slice(1), ...unchosen]]), expected: want };
    case 1:
      return { node: rule(id, "multiselect_not_equals", [want ? chosen.slice(1) : chosen]), expected: want };
    default:
      return { node: rule(id, "multiselect_some_in", [want ? [chosen[0]!, ...unchosen.slice(0, 1)] : unchosen]), expected: want };
  }
}

function buildGroup(r: Random, built: Built, depth: number): Rule {
  const n = r.int(1, 3);
  const children: Rule[] = [];
  for (let i = 0; i < n; i++) {
    if (depth < 1 && r.chance(0.2)) children.push(buildGroup(r, built, depth + 1));
    else {
      const field = r.pick(built.fields);
      children.push(buildRule(r, field, built.answer[field.id]));
    }
  }
  const or = r.chance(0.4);
  const not = r.chance(0.15);
  const value = or ? children.some((c) => c.expected) : children.every((c) => c.expected);
  const entries = Object.fromEntries(children.map((c, i) => [`rule-${depth}-${i}-${r.int(0, 1e6)}`, c.node]));
  return {
    node: { type: "group", properties: { conjunction: or ? "OR" : "AND", not }, children1: entries },
    expected: not ? !value : value,
  };
}

describe("routing-form routes (property, seeded)", () => {
  it(`routes ${CASES} random responses to the first matching route, else the fallback`, () => {
    const r = new Random(20261206);
    let fallbacks = 0;
    let matched = 0;
    let none = 0;
    for (let c = 0; c < CASES; c++) {
      const built = buildForm(r);
      const routes: FormRoute[] = [];
      const expectations: boolean[] = [];
      const count = r.int(1, 5);
      for (let i = 0; i < count; i++) {
        if (r.chance(0.07)) {
          // No rules at all: matches every response.
          routes.push({ id: `r${i}`, action: { type: "customPageMessage", value: `route ${i}` }, queryValue: { type: "group", children1: {} } });
          expectations.push(true);
          continue;
        }
        const group = buildGroup(r, built, 0);
        routes.push({ id: `r${i}`, action: { type: "customPageMessage", value: `route ${i}` }, queryValue: group.node });
        expectations.push(group.expected);
      }
      const hasFallback = r.chance(0.85);
      const fallback: FormRoute = {
        id: "fallback",
        isFallback: true,
        action: { type: "customPageMessage", value: "fallback" },
        queryValue: { type: "group", children1: {} },
      };
      if (hasFallback) routes.splice(r.int(0, routes.length), 0, fallback);

      const read = readAnswers(built.fields, built.body);
      expect(read.ok, `case ${c}`).toBe(true);
      if (!read.ok) continue;
      const chosen = findMatchingRoute(routes, read.answers);
      const firstIndex = expectations.findIndex(Boolean);
      const expectedId = firstIndex >= 0 ? `r${firstIndex}` : hasFallback ? "fallback" : null;
      expect(chosen?.id ?? null, `case ${c}: ${JSON.stringify({ body: built.body, routes })}`).toBe(expectedId);
      if (expectedId === "fallback") fallbacks++;
      else if (expectedId === null) none++;
      else matched++;
    }
    // The generator exercises all three outcomes.
    expect(matched).toBeGreaterThan(20);
    expect(fallbacks).toBeGreaterThan(20);
    expect(none).toBeGreaterThan(0);
  });

  it("answers by identifier, else label; checks required fields first, then emails", () => {
    const fields: FormField[] = [
      { id: "a", type: "text", label: "Name", identifier: "name", required: true },
      { id: "b", type: "email", label: "Email", required: true },
      { id: "c", type: "select", label: "Topic", options: [{ id: "o1", label: "Sales" }] },
    ];
    expect(readAnswers(fields, { name: "Jane", Email: "jane@example.com", Topic: "sales" })).toEqual({
      ok: true,
      response: {
        a: { label: "Name", identifier: "name", value: "Jane" },
        b: { label: "Email", value: "jane@example.com" },
        c: { label: "Topic", value: "o1" },
      },
      answers: { a: "Jane", b: "jane@example.com", c: "o1" },
    });
    expect(readAnswers(fields, { Email: "nope" })).toEqual({ ok: false, problem: { kind: "missing", labels: ["Name"] } });
    expect(readAnswers(fields, { name: "Jane", Email: "nope" })).toEqual({ ok: false, problem: { kind: "email", label: "Email", value: "nope" } });
  });

  it("treats a tree without complete rules as a match and drops incomplete rules", () => {
    expect(queryMatches(null, {})).toBe(true);
    expect(queryMatches({ type: "group", children1: { x: { type: "rule", properties: { field: "a", operator: "equal", value: [] } } } }, {})).toBe(true);
    expect(
      queryMatches(
        {
          type: "group",
          children1: {
            x: { type: "rule", properties: { field: "a", operator: "equal", value: [] } },
            y: { type: "rule", properties: { field: "a", operator: "equal", value: ["b"] } },
          },
        },
        { a: "c" },
      ),
    ).toBe(false);
  });
});

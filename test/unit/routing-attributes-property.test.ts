// Property test: a routed response goes to exactly the team members whose attributes match the route's attribute
// logic, and to the fallback logic's members when the main logic matches nobody. Seeded random org attributes
// (the four types, options stored in mixed case, group options), random assignments, and random rule trees whose
// truth for each member is computed by an oracle over option ids and raw values (set membership, substring,
// numeric comparison), independent of the evaluator's value resolution and json-logic reading. Rules also compare
// with form answers through `{field:…}` templates. The round-robin hosts a booking may go to are then the fixed
// hosts plus the matching rotating ones (all of them when none match).
import { describe, expect, it } from "vitest";
import { narrowToRoutedHosts } from "../../src/event-types/scheduling";
import {
  findMembersMatchingAttributeLogic,
  type MemberAssignments,
  type RoutingAttribute,
  type RoutingAttributeType,
} from "../../src/routing-forms/attribute-logic";
import { type FormField, type QueryNode, readAnswers } from "../../src/routing-forms/logic";
import { Random } from "../support/property";

const CASES = 250;
const WORDS = ["sales", "support", "emea", "apac", "senior", "junior", "german", "french", "spanish"];

const mixCase = (r: Random, s: string) => [...s].map((ch) => (r.chance(0.5) ? ch.toUpperCase() : ch)).join("");

/** What the oracle knows of one member: per attribute, the effective option ids (groups expanded) or the raw value. */
type Known = Map<string, { ids: Set<string>; raw?: string }>;
type Predicate = (member: Known) => boolean;

interface World {
  attributes: RoutingAttribute[];
  members: MemberAssignments[];
  known: Map<number, Known>;
  fields: FormField[];
  body: Record<string, unknown>;
  /** Template → the option ids of `attribute` its answer names (empty when unanswered or naming none). */
  templates: { template: string; idsFor: (attribute: RoutingAttribute) => string[] }[];
}

function buildWorld(r: Random): World {
  const attributes: RoutingAttribute[] = [];
  const count = r.int(1, 4);
  for (let a = 0; a < count; a++) {
    const type = r.pick(["SINGLE_SELECT", "MULTI_SELECT", "TEXT", "NUMBER"] as RoutingAttributeType[]);
    const words = [...WORDS].sort(() => r.next() - 0.5).slice(0, r.int(3, 6));
    const options = words.map((word, k) => ({
      id: `a${a}-o${k}`,
      // NUMBER values stay distinct (equal values would be one option in Cal.com).
      value: type === "NUMBER" ? String(k * 7 + r.int(0, 6)) : type === "TEXT" ? mixCase(r, `${word}-${r.pick(WORDS)}`) : mixCase(r, word),
      isGroup: false,
      contains: [] as string[],
    }));
    if (type === "MULTI_SELECT" && r.chance(0.5)) {
      options.push({ id: `a${a}-group`, value: `group${a}`, isGroup: true, contains: [options[0]!.id, options[1]!.id] });
    }
    attributes.push({ id: `attr-${a}`, type, options });
  }
  const members: MemberAssignments[] = [];
  const known = new Map<number, Known>();
  const memberCount = r.int(1, 8);
  for (let m = 0; m < memberCount; m++) {
    const userId = 100 + m;
    const optionIds: string[] = [];
    const facts: Known = new Map();
    for (const attribute of attributes) {
      if (attribute.type === "MULTI_SELECT") {
        const chosen = attribute.options.filter(() => r.chance(0.35));
        optionIds.push(...chosen.map((o) => o.id));
        const ids = new Set(chosen.flatMap((o) => (o.isGroup ? o.contains : [o.id])));
        if (chosen.length > 0) facts.set(attribute.id, { ids });
      } else if (r.chance(0.75)) {
        const option = r.pick(attribute.options);
        optionIds.push(option.id);
        facts.set(attribute.id, { ids: new Set([option.id]), raw: option.value });
      }
    }
    members.push({ userId, optionIds });
    known.set(userId, facts);
  }
  // One select field whose option labels name attribute option values (in another case), answered or not.
  const labels = [...new Set(WORDS)];
  const field: FormField = { id: "f-team", type: "select", label: "Team", identifier: "team", options: labels.map((l, k) => ({ id: `fo${k}`, label: l })) };
  const multi: FormField = {
    id: "f-langs",
    type: "multiselect",
    label: "Languages",
    identifier: "langs",
    options: labels.map((l, k) => ({ id: `fm${k}`, label: l })),
  };
  const body: Record<string, unknown> = {};
  const answered = r.chance(0.8) ? r.pick(labels) : undefined;
  if (answered) body.team = r.chance(0.5) ? mixCase(r, answered) : `fo${labels.indexOf(answered)}`;
  const multiAnswer = labels.filter(() => r.chance(0.3));
  if (multiAnswer.length > 0) body.langs = multiAnswer.map((l) => `fm${labels.indexOf(l)}`);
  const byValue = (attribute: RoutingAttribute, words: string[]) =>
    attribute.options.filter((o) => !o.isGroup && words.includes(o.value.toLowerCase())).map((o) => o.id);
  return {
    attributes,
    members,
    known,
    fields: [field, multi],
    body,
    templates: [
      { template: "{field:f-team}", idsFor: (attribute) => (answered ? byValue(attribute, [answered]) : []) },
      { template: "{field:f-langs}", idsFor: (attribute) => byValue(attribute, multiAnswer) },
    ],
  };
}

const rule = (field: string, operator: string, value: unknown[]): QueryNode => ({ type: "rule", properties: { field, operator, value } });
type Built = { node: QueryNode; holds: Predicate };

function subset<T>(r: Random, items: readonly T[], p: number): T[] {
  return items.filter(() => r.chance(p));
}

/** A rule on one attribute and the oracle's reading of it. */
function buildRule(r: Random, world: World, attribute: RoutingAttribute): Built {
  const ids = (m: Known) => m.get(attribute.id)?.ids ?? new Set<string>();
  const raw = (m: Known) => m.get(attribute.id)?.raw;
  const plain = attribute.options.filter((o) => !o.isGroup).map((o) => o.id);
  if (attribute.type === "SINGLE_SELECT" || attribute.type === "MULTI_SELECT") {
    if (r.chance(0.1)) {
      const empty = r.chance(0.5);
      return { node: rule(attribute.id, empty ? "is_empty" : "is_not_empty", []), holds: (m) => (ids(m).size === 0) === empty };
    }
    // The rule's options: ids, sometimes with a template among them.
    let listed = subset(r, plain, 0.4);
    if (listed.length === 0) listed = [r.pick(plain)];
    const value: string[] = [...listed];
    const wanted = new Set(listed);
    if (r.chance(0.3)) {
      const template = r.pick(world.templates);
      value.splice(r.int(0, value.length), 0, template.template);
      for (const id of template.idsFor(attribute)) wanted.add(id);
    }
    if (attribute.type === "SINGLE_SELECT") {
      const one = (m: Known) => (ids(m).size === 1 ? [...ids(m)][0]! : undefined);
      switch (r.int(0, 3)) {
        case 0: {
          const single = r.chance(0.3) ? world.templates[0]! : null;
          if (single) {
            const named = single.idsFor(attribute);
            return { node: rule(attribute.id, "select_equals", [single.template]), holds: (m) => one(m) !== undefined && named.includes(one(m)!) };
          }
          return { node: rule(attribute.id, "select_equals", [listed[0]]), holds: (m) => one(m) === listed[0] };
        }
        case 1:
          return { node: rule(attribute.id, "select_not_equals", [listed[0]]), holds: (m) => one(m) !== listed[0] };
        case 2:
          return { node: rule(attribute.id, "select_any_in", [value]), holds: (m) => one(m) !== undefined && wanted.has(one(m)!) };
        default:
          return { node: rule(attribute.id, "select_not_any_in", [value]), holds: (m) => !(one(m) !== undefined && wanted.has(one(m)!)) };
      }
    }
    const some = (m: Known) => [...ids(m)].some((id) => wanted.has(id));
    const all = (m: Known) => ids(m).size > 0 && [...ids(m)].every((id) => wanted.has(id));
    switch (r.int(0, 4)) {
      case 0:
        return { node: rule(attribute.id, "multiselect_some_in", [value]), holds: some };
      case 1:
        return { node: rule(attribute.id, "multiselect_not_some_in", [value]), holds: (m) => !some(m) };
      case 2:
        return { node: rule(attribute.id, "multiselect_all_in", [value]), holds: all };
      case 3:
        return { node: rule(attribute.id, "multiselect_equals", [value]), holds: all };
      default:
        return { node: rule(attribute.id, "multiselect_not_equals", [value]), holds: (m) => !all(m) };
    }
  }
  if (attribute.type === "TEXT") {
    const sample = r.pick(attribute.options).value;
    switch (r.int(0, 5)) {
      case 0:
        return { node: rule(attribute.id, "equal", [mixCase(r, sample)]), holds: (m) => raw(m)?.toLowerCase() === sample.toLowerCase() };
      case 1:
        return { node: rule(attribute.id, "not_equal", [mixCase(r, sample)]), holds: (m) => raw(m)?.toLowerCase() !== sample.toLowerCase() };
      case 2: {
        const part = sample.slice(0, r.int(2, 5)).toLowerCase();
        return { node: rule(attribute.id, "like", [mixCase(r, part)]), holds: (m) => raw(m)?.toLowerCase().includes(part) ?? false };
      }
      case 3: {
        const part = sample.slice(-3).toLowerCase();
        return { node: rule(attribute.id, "not_like", [mixCase(r, part)]), holds: (m) => !(raw(m)?.toLowerCase().includes(part) ?? false) };
      }
      case 4:
        return { node: rule(attribute.id, "is_empty", []), holds: (m) => raw(m) === undefined };
      default:
        return { node: rule(attribute.id, "is_not_empty", []), holds: (m) => raw(m) !== undefined };
    }
  }
  const k = r.int(0, 45);
  const n = (m: Known) => (raw(m) === undefined ? undefined : Number(raw(m)));
  switch (r.int(0, 5)) {
    case 0: {
      const exact = Number(r.pick(attribute.options).value);
      return { node: rule(attribute.id, "equal", [exact]), holds: (m) => n(m) === exact };
    }
    case 1:
      return { node: rule(attribute.id, "less", [k]), holds: (m) => n(m) !== undefined && n(m)! < k };
    case 2:
      return { node: rule(attribute.id, "greater_or_equal", [k]), holds: (m) => n(m) !== undefined && n(m)! >= k };
    case 3:
      return { node: rule(attribute.id, "between", [String(k), String(k + 10)]), holds: (m) => n(m) !== undefined && n(m)! >= k && n(m)! <= k + 10 };
    case 4:
      return { node: rule(attribute.id, "not_between", [String(k), String(k + 10)]), holds: (m) => !(n(m) !== undefined && n(m)! >= k && n(m)! <= k + 10) };
    default: {
      const exact = Number(r.pick(attribute.options).value);
      return { node: rule(attribute.id, "not_equal", [exact]), holds: (m) => n(m) !== exact };
    }
  }
}

function buildGroup(r: Random, world: World, depth: number): Built {
  const children: Built[] = [];
  for (let i = r.int(1, 3); i > 0; i--) {
    children.push(depth < 1 && r.chance(0.2) ? buildGroup(r, world, depth + 1) : buildRule(r, world, r.pick(world.attributes)));
  }
  const or = r.chance(0.4);
  const not = r.chance(0.1);
  const entries = Object.fromEntries(children.map((c, i) => [`rule-${depth}-${i}`, c.node]));
  return {
    node: { type: "group", properties: { conjunction: or ? "OR" : "AND", not }, children1: entries },
    holds: (m) => {
      const value = or ? children.some((c) => c.holds(m)) : children.every((c) => c.holds(m));
      return not ? !value : value;
    },
  };
}

/** A route's logic: none (everyone), an empty tree (everyone) or a random tree. */
function buildLogic(r: Random, world: World): { node: QueryNode | null; holds: Predicate | null } {
  const roll = r.next();
  if (roll < 0.06) return { node: null, holds: null };
  if (roll < 0.1) return { node: { type: "group", children1: {} }, holds: null };
  return buildGroup(r, world, 0);
}

describe("attribute routing (property, seeded)", () => {
  it(`chooses exactly the members matching the rules, else the fallback's, over ${CASES} random orgs`, () => {
    const r = new Random(20261207);
    const outcomes = { main: 0, fallback: 0, everyone: 0, nobody: 0 };
    for (let c = 0; c < CASES; c++) {
      const world = buildWorld(r);
      const main = buildLogic(r, world);
      const fallback = r.chance(0.8) ? buildLogic(r, world) : { node: null, holds: null };
      const read = readAnswers(world.fields, world.body);
      expect(read.ok).toBe(true);
      if (!read.ok) continue;

      const userIds = world.members.map((m) => m.userId);
      const matching = (holds: Predicate | null) => (holds ? userIds.filter((id) => holds(world.known.get(id)!)) : null);
      const fromMain = matching(main.holds);
      const expected = fromMain === null || fromMain.length > 0 ? fromMain : matching(fallback.holds);

      const result = findMembersMatchingAttributeLogic(
        { attributesQueryValue: main.node, fallbackAttributesQueryValue: fallback.node },
        { attributes: world.attributes, members: world.members, fields: world.fields, answers: read.answers },
      );
      const context = `case ${c}: ${JSON.stringify({ attributes: world.attributes, members: world.members, body: world.body, main: main.node, fallback: fallback.node })}`;
      expect(result.userIds, context).toEqual(expected);
      expect(result.checkedFallback, context).toBe(fromMain !== null && fromMain.length === 0);

      if (expected === null) outcomes.everyone++;
      else if (expected.length === 0) outcomes.nobody++;
      else if (result.checkedFallback) outcomes.fallback++;
      else outcomes.main++;

      // The round-robin hosts a booking may go to: the fixed ones plus the chosen rotating ones (all when none).
      const hosts = userIds.map((userId) => ({ userId, isFixed: r.chance(0.2) }));
      const narrowed = narrowToRoutedHosts({ schedulingType: "ROUND_ROBIN" as const, hosts }, result.userIds ?? undefined).hosts;
      const chosenRotating = hosts.filter((h) => !h.isFixed && (expected ?? userIds).includes(h.userId));
      const expectedHosts = chosenRotating.length > 0 ? hosts.filter((h) => h.isFixed || chosenRotating.includes(h)) : hosts;
      expect(narrowed, context).toEqual(expectedHosts);
      // Collective event types need every host.
      expect(narrowToRoutedHosts({ schedulingType: "COLLECTIVE" as const, hosts }, result.userIds ?? undefined).hosts).toEqual(hosts);
    }
    // The generator exercises every outcome.
    expect(outcomes.main).toBeGreaterThan(40);
    expect(outcomes.fallback).toBeGreaterThan(10);
    expect(outcomes.everyone).toBeGreaterThan(10);
    expect(outcomes.nobody).toBeGreaterThan(5);
  });
});

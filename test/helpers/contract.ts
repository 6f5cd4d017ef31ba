// Validates response bodies against Cal.com's own OpenAPI document (the contract), by operation id and status.
import contract from "../../../shared/reference/calcom-api-v2-openapi.json";

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  enum?: unknown[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

const doc = contract as unknown as {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

function resolve(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) current = doc.components.schemas[current.$ref.replace("#/components/schemas/", "")]!;
  return current;
}

function validate(value: unknown, schema: Schema, path: string, errors: string[], strict: boolean): void {
  const s = resolve(schema);
  if (value === null) {
    if (!s.nullable && s.type !== undefined) errors.push(`${path}: null is not allowed`);
    return;
  }
  if (s.allOf) return s.allOf.forEach((part) => validate(value, part, path, errors, false));
  for (const alternatives of [s.oneOf, s.anyOf]) {
    if (!alternatives) continue;
    const passing = alternatives.filter((alt) => {
      const sub: string[] = [];
      validate(value, alt, path, sub, strict);
      return sub.length === 0;
    });
    if (passing.length === 0) errors.push(`${path}: matches none of ${alternatives.length} alternatives`);
    return;
  }
  if (s.enum && !s.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum ${JSON.stringify(s.enum)}`);
  switch (s.type) {
    case "string":
      if (typeof value !== "string") errors.push(`${path}: expected string, got ${typeof value}`);
      return;
    case "number":
    case "integer":
      if (typeof value !== "number") errors.push(`${path}: expected number, got ${typeof value}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") errors.push(`${path}: expected boolean, got ${typeof value}`);
      return;
    case "array":
      if (!Array.isArray(value)) return void errors.push(`${path}: expected array`);
      if (s.items) value.forEach((item, i) => validate(item, s.items!, `${path}[${i}]`, errors, strict));
      return;
  }
  if (s.type === "object" || s.properties) {
    if (typeof value !== "object" || Array.isArray(value)) return void errors.push(`${path}: expected object`);
    const record = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const propertySchema = s.properties?.[key];
      if (propertySchema) validate(child, propertySchema, `${path}.${key}`, errors, strict);
      else if (typeof s.additionalProperties === "object") validate(child, s.additionalProperties, `${path}.${key}`, errors, strict);
      else if (strict && s.properties && s.additionalProperties !== true) errors.push(`${path}.${key}: not in the contract`);
    }
  }
}

export function responseSchema(operationId: string, status: number): Schema {
  for (const methods of Object.values(doc.paths)) {
    for (const operation of Object.values(methods)) {
      if (operation.operationId !== operationId) continue;
      const schema = operation.responses?.[String(status)]?.content?.["application/json"]?.schema;
      if (!schema) throw new Error(`${operationId} has no JSON response for ${status} in the contract`);
      return schema;
    }
  }
  throw new Error(`operation ${operationId} is not in the contract`);
}

/** Problems with `body` as the contract's response for (operationId, status); empty when it conforms. */
export function contractProblems(operationId: string, status: number, body: unknown, options: { strict?: boolean } = {}): string[] {
  const errors: string[] = [];
  validate(body, responseSchema(operationId, status), "body", errors, options.strict ?? true);
  return errors;
}

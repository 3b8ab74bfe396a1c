/**
 * The subset of JSON Schema that Chrome accepts for `storage.managed_schema`, as Chromium's
 * components/policy/core/common/schema.cc checks it (allowed attributes per type, arrays need
 * `items`, one `type` per schema), plus a value validator of the same subset. Tests use it to keep
 * public/managed_schema.json loadable and in step with the zod schemas.
 */
type Json = Record<string, unknown>;

const ALLOWED: Record<string, string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

export function schemaErrors(schema: Json, path = '(root)', top = true): string[] {
  const errors: string[] = [];
  const type = schema.type;
  if (typeof type !== 'string' || !(type in ALLOWED)) return [`${path}: needs exactly one valid "type"`];
  for (const k of Object.keys(schema)) if (!ALLOWED[type]!.includes(k)) errors.push(`${path}: attribute "${k}" is not allowed for ${type}`);
  if (top && (type !== 'object' || 'additionalProperties' in schema)) errors.push(`${path}: top level must be an object without additionalProperties`);
  if (!top && (typeof schema.title !== 'string' || typeof schema.description !== 'string')) errors.push(`${path}: needs a title and a description`);
  if ('enum' in schema) {
    const e = schema.enum;
    const ok = Array.isArray(e) && e.length > 0 && e.every((v) => (type === 'integer' ? Number.isInteger(v) : typeof v === 'string'));
    if (!ok) errors.push(`${path}: bad enum`);
  }
  if (type === 'array') {
    if (!schema.items || typeof schema.items !== 'object') errors.push(`${path}: arrays must declare items`);
    else errors.push(...schemaErrors(schema.items as Json, `${path}[]`, false));
  }
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const [k, s] of Object.entries(props)) errors.push(...schemaErrors(s, `${path}.${k}`, false));
    for (const r of (schema.required ?? []) as string[]) if (!(r in props)) errors.push(`${path}: required "${r}" is not a property`);
  }
  return errors;
}

/** Strict validation (unknown properties are errors), as Chrome's SCHEMA_STRICT. */
export function valueErrors(schema: Json, value: unknown, path = '(root)'): string[] {
  const type = schema.type as string;
  const fail = (m: string) => [`${path}: ${m}`];
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : fail('expected boolean');
    case 'number':
      return typeof value === 'number' ? [] : fail('expected number');
    case 'integer': {
      if (!Number.isInteger(value)) return fail('expected integer');
      const n = value as number;
      if (typeof schema.minimum === 'number' && n < schema.minimum) return fail('below minimum');
      if (typeof schema.maximum === 'number' && n > schema.maximum) return fail('above maximum');
      if (Array.isArray(schema.enum) && !schema.enum.includes(n)) return fail('not in enum');
      return [];
    }
    case 'string': {
      if (typeof value !== 'string') return fail('expected string');
      if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return fail(`"${value}" not in enum`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) return fail(`"${value}" does not match ${schema.pattern}`);
      return [];
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => valueErrors(schema.items as Json, v, `${path}[${i}]`)) : fail('expected array');
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('expected object');
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const out: string[] = [];
      for (const r of (schema.required ?? []) as string[]) if (!(r in value)) out.push(`${path}: missing "${r}"`);
      for (const [k, v] of Object.entries(value)) {
        if (props[k]) out.push(...valueErrors(props[k], v, `${path}.${k}`));
        else out.push(`${path}: unknown property "${k}"`);
      }
      return out;
    }
    default:
      return fail(`unknown type ${type}`);
  }
}

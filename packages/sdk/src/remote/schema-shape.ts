/**
 * Just enough introspection of zod/mini schemas for the REST contract: which fields an input
 * object has (to split path, query and body) and what scalar a query field holds (to coerce
 * `?open=true` into a boolean before the schema sees it).
 */
import type * as z from 'zod/mini';

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  format?: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  in?: Schema;
  options?: Schema[];
}

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;

/** Wrappers that do not change which fields an object has or what a field holds. */
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let def = defOf(current); ; def = defOf(current)) {
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The fields of an object schema (through defaults, optionals and unions), or null. */
export function objectShape(schema: Schema): Record<string, Schema> | null {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object' && def.shape) return def.shape;
  if (def.type === 'union' && def.options) {
    // A (discriminated) union of objects: every field any of its forms may carry.
    const shapes = def.options.map(objectShape);
    return shapes.every((shape) => shape !== null) ? Object.assign({}, ...shapes) : null;
  }
  return null;
}

export type ScalarKind = 'boolean' | 'integer' | 'number' | 'string' | 'other';

/** What a field holds once optional/default wrappers are peeled off. */
export function scalarKind(schema: Schema): ScalarKind {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return def.format && /int/.test(def.format) ? 'integer' : 'number';
    case 'int':
      return 'integer';
    case 'string':
    case 'enum':
    case 'literal':
    case 'template_literal':
      return 'string';
    default:
      return 'other';
  }
}

/**
 * Parquet types for the columns of output/columns.ts. Scalars map one to one (STRING, INT64, DOUBLE,
 * BOOLEAN). A list- or object-valued column (`deadlines`, `cells`, `rows`, `targets`, `aliases`…) is
 * written as a real nested Parquet type derived from its JSON Schema — an array as the standard three-level
 * LIST (`<col>` LIST → `list` REPEATED → `element`), an object with known members as a STRUCT — so DuckDB,
 * pyarrow and Spark read it as `STRUCT(...)[]` / `VARCHAR[]` without a cast or a JSON parse. A value whose
 * schema has no single nested shape (a union of types) stays JSON text in a STRING column, marked JSON.
 * Every level is OPTIONAL: a null list, a null struct and a null member all survive the round trip.
 */
import type { SchemaElement } from 'hyparquet-writer';
import type { Column, JsonSchema } from './columns.js';

/** A JSON value's shape as Parquet sees it. */
export type Shape =
  | { kind: 'string' | 'integer' | 'number' | 'boolean' | 'json' }
  | { kind: 'list'; item: Shape }
  | { kind: 'struct'; fields: Array<{ name: string; shape: Shape }> };

/** The non-null alternative of a nullable schema (`anyOf: [X, null]`, `type: [X, 'null']`), else the schema. */
function nonNull(s: JsonSchema): JsonSchema | null {
  if (Array.isArray(s.anyOf)) {
    const alts = (s.anyOf as JsonSchema[]).filter((x) => x.type !== 'null');
    return alts.length === 1 ? nonNull(alts[0]) : null;
  }
  if (Array.isArray(s.type)) {
    const t = (s.type as string[]).filter((x) => x !== 'null');
    return t.length === 1 ? { ...s, type: t[0] } : null;
  }
  return s;
}

export function shapeOf(schema: JsonSchema): Shape {
  const s = nonNull(schema);
  if (!s) return { kind: 'json' };
  switch (s.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: s.type };
    case 'array':
      return s.items && typeof s.items === 'object' && !Array.isArray(s.items) ? { kind: 'list', item: shapeOf(s.items as JsonSchema) } : { kind: 'json' };
    case 'object': {
      const props = s.properties as Record<string, JsonSchema> | undefined;
      if (!props || !Object.keys(props).length) return { kind: 'json' };
      return { kind: 'struct', fields: Object.entries(props).map(([name, p]) => ({ name, shape: shapeOf(p) })) };
    }
    default:
      return { kind: 'json' };
  }
}

/** The shape of one column of the tabular layout. */
export function columnShape(c: Column): Shape {
  return c.type === 'json' ? (c.schema ? shapeOf(c.schema) : { kind: 'json' }) : { kind: c.type };
}

/** Schema elements (depth-first, as Parquet lists them) of one field of the given shape. */
export function schemaElements(name: string, shape: Shape): SchemaElement[] {
  const repetition_type = 'OPTIONAL' as const;
  switch (shape.kind) {
    case 'string':
      return [{ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type }];
    case 'json':
      return [{ name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type }];
    case 'integer':
      return [{ name, type: 'INT64', repetition_type }];
    case 'number':
      return [{ name, type: 'DOUBLE', repetition_type }];
    case 'boolean':
      return [{ name, type: 'BOOLEAN', repetition_type }];
    case 'list':
      return [
        { name, repetition_type, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        ...schemaElements('element', shape.item),
      ];
    case 'struct':
      return [{ name, repetition_type, num_children: shape.fields.length }, ...shape.fields.flatMap((f) => schemaElements(f.name, f.shape))];
  }
}

/**
 * A JSON value as the writer takes it for a field of this shape: INT64 leaves as bigint (a non-integer
 * that slipped through becomes null rather than failing the file), JSON leaves as text, struct members
 * picked by name (an unknown member cannot be written; the schema is strict, so there is none).
 */
export function toParquetValue(v: unknown, shape: Shape): unknown {
  if (v === null || v === undefined) return null;
  switch (shape.kind) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'string':
      return typeof v === 'string' ? v : JSON.stringify(v); // schema drift: never write [object Object]
    case 'json':
      return JSON.stringify(v);
    case 'list':
      return Array.isArray(v) ? v.map((x) => toParquetValue(x, shape.item)) : null;
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return null;
      const o: Record<string, unknown> = {};
      for (const f of shape.fields) o[f.name] = toParquetValue((v as Record<string, unknown>)[f.name], f.shape);
      return o;
    }
  }
}

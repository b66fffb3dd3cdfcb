// Every property of every generated JSON Schema (schemas/json/, copied into each dataset) says what it
// holds: the schemas are the field reference for pandas/R/DuckDB users, so an undescribed field is a gap
// in the documentation (issue 18). Nested objects (span, source, cells, targets…) are checked too.
import { describe, expect, it } from '@jest/globals';
import { RECORD_NAMES } from '../schemas/records.js';
import { jsonSchemaOf } from '../schemas/json-schema.js';

type Json = Record<string, unknown>;

/** Paths of properties without a description, walking properties, items, anyOf and additionalProperties. */
function undescribed(schema: Json, path: string, out: string[]): string[] {
  const props = schema.properties as Record<string, Json> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) {
    if (typeof v.description !== 'string' || v.description.trim().length < 3) out.push(`${path}.${k}`);
    undescribed(v, `${path}.${k}`, out);
  }
  for (const key of ['items', 'additionalProperties']) if (schema[key] && typeof schema[key] === 'object') undescribed(schema[key] as Json, `${path}[]`, out);
  for (const alt of (schema.anyOf as Json[] | undefined) ?? []) undescribed(alt, path, out);
  return out;
}

describe('JSON Schema descriptions', () => {
  it.each([...RECORD_NAMES, 'manifest' as const])('every property of %s has a description', (name) => {
    const schema = jsonSchemaOf(name);
    expect(undescribed(schema, name, [])).toEqual([]);
    expect(typeof schema.description).toBe('string');
  });

  it('the walk finds an undescribed property (it can fail)', () => {
    expect(undescribed({ properties: { a: { description: 'what a holds', properties: { b: { type: 'string' } } } } }, 'r', [])).toEqual(['r.a.b']);
  });
});

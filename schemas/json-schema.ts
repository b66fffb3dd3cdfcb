/**
 * The JSON Schema of each record file and of the manifest, generated from the zod schemas (schemas/records.ts).
 * These are the files under schemas/json/ and in every dataset's schemas/, and what ajv validates against.
 */
import { z } from 'zod';
import { Manifest, RECORD_SCHEMAS } from './records.js';
import type { RecordName } from './names.js';

export function jsonSchemaOf(name: RecordName | 'manifest'): Record<string, unknown> {
  const schema = name === 'manifest' ? Manifest : RECORD_SCHEMAS[name];
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: `https://planx.invalid/schemas/${name}.schema.json`, title: name, ...json };
}

/** ajv's options: the build-time generator (scripts/build-generated.mjs) and the run-time compiler use the same. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** The schema ajv compiles for `name` (without `$id`, as it always was, so messages and refs are unchanged). */
export function compilableSchemaOf(name: RecordName | 'manifest'): Record<string, unknown> {
  const { $id: _drop, ...schema } = jsonSchemaOf(name);
  void _drop;
  return schema;
}

/**
 * Record validation with ajv against the JSON Schemas generated from the zod schemas (schemas/records.ts).
 * The same JSON Schemas are checked in under schemas/json/ and copied into every dataset.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { Manifest, RECORD_SCHEMAS, type RecordName } from './records.js';

export function jsonSchemaOf(name: RecordName | 'manifest'): Record<string, unknown> {
  const schema = name === 'manifest' ? Manifest : RECORD_SCHEMAS[name];
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: `https://planx.invalid/schemas/${name}.schema.json`, title: name, ...json };
}

let ajv: Ajv | null = null;
const compiled = new Map<string, ValidateFunction>();

export function validatorFor(name: RecordName | 'manifest'): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    const { $id: _drop, ...schema } = jsonSchemaOf(name);
    void _drop;
    v = ajv.compile(schema);
    compiled.set(name, v);
  }
  return v;
}

/** Problems with one record, as `field: message` strings; empty when valid. */
export function validateRecord(name: RecordName | 'manifest', record: unknown): string[] {
  const v = validatorFor(name);
  if (v(record)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '(record)'} ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

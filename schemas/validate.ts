/**
 * Record validation with ajv against the JSON Schemas generated from the zod schemas (schemas/records.ts).
 * The same JSON Schemas are checked in under schemas/json/ and copied into every dataset.
 *
 * `npm run build` generates the validators as standalone code (scripts/build-generated.mjs →
 * dist/schemas/validators.generated.js, with the schema files' text): a run then neither loads zod nor
 * compiles 13 schemas (about 0.3 s in every process and worker thread). Without that file (tests run the
 * TypeScript sources) they are compiled from the zod schemas on first use; both give the same messages.
 */
import type { ValidateFunction } from 'ajv';
import type { RecordName } from './names.js';

interface Generated {
  validators: Record<string, ValidateFunction>;
  /** `<name>.schema.json` → its text, as schemas/generate.ts writes it */
  schemaTexts: Record<string, string>;
}

// a specifier in a variable: the file exists only in dist/, after the build's generator step
const GENERATED = './validators.generated.js';
const generated = (await import(GENERATED).catch(() => null)) as Generated | null;
const fallback = generated ? null : await import('./compile-validators.js');

const compiled = new Map<string, ValidateFunction>();

export function validatorFor(name: RecordName | 'manifest'): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = generated?.validators[name] ?? fallback!.compileValidator(name);
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

/** The JSON Schema of a record file or the manifest (as schemas/json-schema.ts makes it), without loading zod when built. */
export function recordJsonSchema(name: RecordName | 'manifest'): Record<string, unknown> {
  const text = generated?.schemaTexts[`${name}.schema.json`];
  return text ? (JSON.parse(text) as Record<string, unknown>) : fallback!.jsonSchemaOf(name);
}

/** The schema files of a dataset's schemas/ folder (`<name>.schema.json` → text): generated ones when built. */
export async function schemaFileTexts(): Promise<Map<string, string>> {
  if (generated) return new Map(Object.entries(generated.schemaTexts));
  return (await import('./generate.js')).schemaFiles();
}

/**
 * Validators compiled at run time from the zod schemas: used when the build-time ones are absent (the
 * TypeScript sources under jest, a build whose generator step did not run). Loads zod and ajv's compiler.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { AJV_OPTIONS, compilableSchemaOf } from './json-schema.js';

export { jsonSchemaOf } from './json-schema.js';
import type { RecordName } from './names.js';

let ajv: Ajv | null = null;

export function compileValidator(name: RecordName | 'manifest'): ValidateFunction {
  ajv ??= new Ajv({ ...AJV_OPTIONS });
  return ajv.compile(compilableSchemaOf(name));
}

/** Writes schemas/json/*.schema.json from the zod schemas. Run: `npm run schemas`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORD_NAMES } from './records.js';
import { jsonSchemaOf } from './json-schema.js';

export function schemaFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of [...RECORD_NAMES, 'manifest' as const]) {
    out.set(`${name}.schema.json`, JSON.stringify(jsonSchemaOf(name), null, 2) + '\n');
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // dist/schemas/generate.js → <repo>/schemas/json
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas', 'json');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of schemaFiles()) writeFileSync(join(dir, file), text);
  console.log(`wrote ${schemaFiles().size} schema files to ${dir}`);
}

// schemas/json/ is generated from the zod schemas (npm run schemas) and checked in: this fails when it is stale.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFiles } from '../schemas/generate.js';
import { RECORD_NAMES } from '../schemas/records.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'schemas', 'json');

describe('checked-in JSON Schemas', () => {
  const generated = schemaFiles();

  it('there is one per record file, plus the manifest, and nothing else', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual([...generated.keys()].sort());
    expect(generated.size).toBe(RECORD_NAMES.length + 1);
  });

  it.each([...generated.keys()])('%s is current (if not: npm run schemas, and commit schemas/json)', (file) => {
    expect(readFileSync(join(DIR, file), 'utf8')).toBe(generated.get(file));
  });
});

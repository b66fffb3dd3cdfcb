// docs/DATASET.md is the project's own dataset contract: every field of every record schema (nested
// fields of objects and lists of objects included) must be documented in its record's section, and the
// README must link to it inside the repository (issue 18).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_NAMES } from '../schemas/records.js';
import { jsonSchemaOf } from '../schemas/json-schema.js';
import { ROOT } from './helpers.js';

type Json = Record<string, any>;
const doc = readFileSync(join(ROOT, 'docs', 'DATASET.md'), 'utf8');

/** The text of one `### <name>…` section. */
function section(heading: string): string {
  const at = doc.indexOf(`\n### ${heading}\n`);
  if (at < 0) return '';
  const next = doc.indexOf('\n### ', at + 5);
  return doc.slice(at, next < 0 ? undefined : next);
}

/** Field paths as the doc writes them: `source.path`, `cells[].row`; spans are described once (Common fields). */
function fieldPaths(schema: Json): string[] {
  const objectOf = (v: Json): [Json, string] | null =>
    v.anyOf ? (v.anyOf.map(objectOf).find(Boolean) ?? null) : v.type === 'array' ? (v.items?.properties ? [v.items, '[]'] : null) : v.properties ? [v, ''] : null;
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema.properties as Record<string, Json>)) {
    out.push(k);
    const o = objectOf(v);
    if (o && k !== 'span' && k !== 'anchor') for (const k2 of Object.keys(o[0].properties)) out.push(`${k}${o[1]}.${k2}`);
  }
  return out;
}

describe('docs/DATASET.md', () => {
  it.each([...RECORD_NAMES, 'manifest' as const])('documents every field of %s', (name) => {
    const text = section(name === 'manifest' ? 'manifest.json' : `${name}.jsonl`);
    expect(text).not.toBe('');
    const missing = fieldPaths(jsonSchemaOf(name)).filter((f) => !text.includes(`\`${f}\``));
    expect(missing).toEqual([]);
  });

  it('the README links to it, not to a file outside the repository', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/DATASET.md)');
    expect(readme).not.toMatch(/\.\.\/shared|\]\(\.\.\//);
  });
});

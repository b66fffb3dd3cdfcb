// The layers' import rules (.dependency-cruiser.cjs, README "Architecture"), checked with dependency-cruiser:
// the code as it is has no upward import and no file circle, and the same rules do catch both when planted.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers.js';

const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const LAYERS = ['index.ts', 'schemas', 'model', 'readers', 'extractors', 'output', 'pipeline', 'workflows', 'cli'];

interface Violation { rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }

/** dependency-cruiser run in `cwd` over `paths` with the project's rules: the violations it reports. */
function cruise(cwd: string, paths: string[]): Violation[] {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...paths], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (!r.stdout.trim().startsWith('{')) throw new Error(`dependency-cruiser failed:\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layers import downward only', () => {
  it('the code as it is: no upward import, no file circle', () => {
    const found = cruise(ROOT, LAYERS).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual([]);
  });

  it('a planted upward import, a sideways one and a circle are each reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planx-layers-'));
    try {
      copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
      writeFileSync(join(dir, 'tsconfig.build.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
      const put = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      put('pipeline/run.ts', 'export const run = 1;\n');
      put('model/document.ts', "import { run } from '../pipeline/run.js';\nexport const doc = run;\n"); // upward
      put('extractors/stage.ts', "import { read } from '../readers/text.js';\nexport const stage = read;\n"); // sideways
      put('readers/text.ts', 'export const read = 1;\n');
      put('output/a.ts', "import { b } from './b.js';\nexport const a = b;\n");
      put('output/b.ts', "import type { a } from './a.js';\nexport const b = 2; export type A = typeof a;\n"); // a circle, type-only
      const found = cruise(dir, ['model', 'pipeline', 'extractors', 'readers', 'output']).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
      expect(found).toEqual([
        'extractors-imports-downward: extractors/stage.ts → readers/text.ts',
        'model-imports-downward: model/document.ts → pipeline/run.ts',
        'no-circular: output/a.ts → output/b.ts', // reported once, from where the circle was entered
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the benches use the public API', () => {
  it('no bench script reaches into a module under dist/ (only the package entry and bin, through bench/planx.mjs)', () => {
    const INTO_DIST = /join\([^)]*'dist'\s*,\s*'[^']+'|dist\/(?:model|readers|extractors|output|pipeline|workflows|cli|schemas)\//;
    const found = readdirSync(join(ROOT, 'bench')).filter((f) => f.endsWith('.mjs')).filter((f) => INTO_DIST.test(readFileSync(join(ROOT, 'bench', f), 'utf8')));
    expect(found).toEqual([]);
    expect(INTO_DIST.test("await import(join(ROOT, 'dist', 'pipeline', 'run.js'))")).toBe(true); // what it looks for
  });
});


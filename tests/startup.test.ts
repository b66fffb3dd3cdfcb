// Issue 20, start-up: `npm run build` generates the validators as standalone code and the code fingerprint
// (scripts/build-generated.mjs). They must judge exactly as the validators compiled from the zod schemas,
// with the same messages, and an extract run must then not load zod at all.
import { describe, expect, it, beforeAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, CLI } from './cli-build.js';
import { ROOT, SEED } from './helpers.js';
import { compileValidator } from '../schemas/compile-validators.js';
import { schemaFiles } from '../schemas/generate.js';
import { RECORD_NAMES } from '../schemas/names.js';
import { extractFile } from './helpers.js';
import { prepareDocument } from '../output/prepare.js';
import { CODE_FOLDERS } from '../pipeline/cache.js';

type Validate = ((r: unknown) => boolean) & { errors?: unknown[] | null };
let generated: { validators: Record<string, Validate>; schemaTexts: Record<string, string> };

beforeAll(async () => {
  await ensureBuilt();
  generated = await import(pathToFileURL(join(ROOT, 'dist', 'schemas', 'validators.generated.js')).href);
}, 180_000);

describe('validators generated at build time', () => {
  it('give the verdicts and errors of the run-time compiled ones, on valid and broken records of every file', async () => {
    const p = prepareDocument(await extractFile(SEED.s004));
    let checked = 0;
    for (const name of RECORD_NAMES) {
      const lines = (name === 'agencies' ? p.agencies.map((a) => JSON.stringify(a)) : (p.jsonl[name] ?? '').split('\n').filter(Boolean)).slice(0, 5);
      for (const line of lines) {
        const good = JSON.parse(line);
        const broken = [good, { ...good, id: 7, extra_field: true }, { ...good, span: { start: -1, end: 'x' } }, {}];
        for (const r of broken) {
          const a = generated.validators[name];
          const b = compileValidator(name);
          expect([name, a(r), a.errors ?? null]).toEqual([name, b(r), b.errors ?? null]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('carry the schema files as `npm run schemas` writes them', () => {
    expect(generated.schemaTexts).toEqual(Object.fromEntries(schemaFiles()));
  });

  it('the code fingerprint written at build time is the one the walk over dist/ computes', () => {
    const built = readFileSync(join(ROOT, 'dist', 'pipeline', 'fingerprint.generated.js'), 'utf8').match(/"([0-9a-f]{16})"/)?.[1];
    // a process where the generated file cannot be found computes it by walking dist/ (the fallback)
    const walk = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { readFileSync, readdirSync, statSync } from 'node:fs';
      import { createHash } from 'node:crypto';
      import { join, relative } from 'node:path';
      const root = ${JSON.stringify(join(ROOT, 'dist'))};
      const files = [];
      const walk = (d) => { for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.js') && !n.endsWith('.d.ts') && n !== 'fingerprint.generated.js') files.push(p); } };
      for (const d of ${JSON.stringify(CODE_FOLDERS)}) walk(join(root, d));
      const h = createHash('sha256');
      for (const f of files) h.update(relative(root, f)).update('\\0').update(readFileSync(f)).update('\\0');
      console.log(h.digest('hex').slice(0, 16));`], { encoding: 'utf8' });
    expect(built).toMatch(/^[0-9a-f]{16}$/);
    expect(walk.stdout.trim()).toBe(built);
  });
});

describe('an extract run does not load what it does not need', () => {
  it('zod is never loaded to extract a UTF-8 text without a config file', () => {
    const hooks = `export async function resolve(s, c, next) { const r = await next(s, c); if (/node_modules\\/zod\\//.test(r.url)) process.stderr.write('LOADED zod\\n'); return r; }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const out = join(mkdtempSync(join(tmpdir(), 'planx-startup-')), 'ds');
    const cwd = mkdtempSync(join(tmpdir(), 'planx-startup-cwd-'));
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, CLI, 'extract', SEED.s000, '--out', out, '-q', '--no-progress'], { cwd, encoding: 'utf8', env: { ...process.env, PLANX_THREADS: 'off' } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/LOADED zod/);
    // and the hook does see zod when a config file is read (the check can fail)
    const withConfig = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, CLI, 'extract', SEED.s000, '--out', out, '-q', '--no-progress', '--config', join(ROOT, 'package.json')], { cwd, encoding: 'utf8', env: { ...process.env, PLANX_THREADS: 'off' } });
    expect(withConfig.stderr).toMatch(/LOADED zod/);
  });
});

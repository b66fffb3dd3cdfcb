// Same inputs, same version → byte-identical dataset folders, whatever the concurrency and whether worker
// threads are used: every file compared, in every format.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FIXTURES, SEED } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  await ensureBuilt();
});

describe('determinism', () => {
  it('two runs (1 thread in-process, 2 worker threads) give byte-identical folders', async () => {
    const inputs = [...Object.values(SEED), join(FIXTURES, 'c01_bazhong_enyang_wen_jingji_zengzhang_zhengce_cuoshi_2022.html'), join(FIXTURES, 'c12_huangpu_kezaisheng_nengyuan_fazhan_xingdong_fangan_2025.md')];
    const base = mkdtempSync(join(tmpdir(), 'planx-det-'));
    const a = join(base, 'a');
    const b = join(base, 'b');
    const args = ['--format', 'csv,sqlite,parquet', '-q'];
    const [ra, rb] = [
      await runCli(['extract', ...inputs, '--out', a, '--concurrency', '1', ...args], { env: { PLANX_THREADS: 'off' } }),
      await runCli(['extract', ...inputs, '--out', b, '--concurrency', '2', ...args], { env: { PLANX_THREADS: 'on' } }),
    ];
    expect(ra.code).toBe(rb.code);
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'sections.jsonl', 'dataset.sqlite', 'csv/sections.csv', 'parquet/sections.parquet', 'texts/000_89bd9c84135b419f.txt']));
    const differing = files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differing).toEqual([]);
  });
});

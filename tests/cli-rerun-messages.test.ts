// Re-running `planx extract` into an existing dataset (issue 18, points 3 and 4): without --format the
// formats the dataset had are kept (csv/, dataset.sqlite, parquet/ are never deleted unasked), an explicit
// --format that leaves one out says what it removed; the summary says how many documents were reused from
// the cache and --verbose lists them; stale corrections are counted alike by `extract` and `validate`.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED, SEEDS } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-rerun-'));
const D = '004_22f7cd4e67d48923';
const TASK1 = `${D}:task:i2.i1.i1`; // 二、（一）1.落实主体功能区战略 (line 16)

/** The seeds folder as a user has it: two plans and its README (not a plan, skipped). */
function seedFolder(): string {
  const dir = join(tmp(), 'seeds');
  mkdirSync(dir);
  for (const f of [SEED.s003, SEED.s004, join(SEEDS, 'README.md')]) copyFileSync(f, join(dir, f.split('/').pop()!));
  return dir;
}
const formatsOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.formats;

beforeAll(async () => {
  await ensureBuilt();
});

describe('a re-run keeps the formats of the dataset it replaces', () => {
  it('without --format: csv/, dataset.sqlite and parquet/ are written again; --format jsonl removes them and says so', async () => {
    const inputs = seedFolder();
    const out = join(tmp(), 'ds');
    const first = await runCli(['extract', inputs, '--out', out, '--format', 'csv,sqlite,parquet', '--no-progress']);
    expect(first.code).toBe(0);

    const again = await runCli(['extract', inputs, '--out', out, '--no-progress']);
    expect(again.code).toBe(0);
    for (const p of ['csv/tasks.csv', 'dataset.sqlite', 'parquet/tasks.parquet']) expect(existsSync(join(out, p))).toBe(true);
    expect(formatsOf(out)).toEqual(['jsonl', 'csv', 'sqlite', 'parquet']);
    expect(again.stdout).toMatch(/^2 of 2 documents extracted into .* \(jsonl, csv, sqlite, parquet\)/m);
    expect(again.stderr).toContain(`note: no --format given: writing the formats the dataset in ${out} had (csv, sqlite, parquet); --format jsonl writes JSONL only\n`);
    expect((await runCli(['validate', out])).code).toBe(0);

    const jsonlOnly = await runCli(['extract', inputs, '--out', out, '--format', 'jsonl,csv', '--no-progress']);
    expect(jsonlOnly.code).toBe(0);
    expect(existsSync(join(out, 'csv', 'tasks.csv'))).toBe(true);
    expect(existsSync(join(out, 'dataset.sqlite'))).toBe(false);
    expect(existsSync(join(out, 'parquet'))).toBe(false);
    expect(jsonlOnly.stderr).toContain(`note: removed from ${out}: dataset.sqlite, parquet/ (the previous dataset had them; --format csv,sqlite,parquet keeps them)\n`);
    // and the next plain re-run keeps what is there now: JSONL and CSV, nothing to report as removed
    const plain = await runCli(['extract', inputs, '--out', out, '--no-progress']);
    expect(formatsOf(out)).toEqual(['jsonl', 'csv']);
    expect(plain.stderr).not.toMatch(/removed/);
  });

  it('a partitioned Parquet tree stays partitioned', async () => {
    const inputs = seedFolder();
    const out = join(tmp(), 'ds');
    expect((await runCli(['extract', inputs, '--out', out, '--partition-by', 'kind', '--no-progress', '-q'])).code).toBe(0);
    const again = await runCli(['extract', inputs, '--out', out, '--no-progress', '-q']);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.partition_by).toEqual(['kind']);
    expect(existsSync(join(out, 'parquet', 'documents', 'kind=work_plan'))).toBe(true);
  });
});

describe('what a re-run says', () => {
  it('counts the documents reused from the cache (not the README skipped as not a plan) and lists them with --verbose', async () => {
    const inputs = seedFolder();
    const out = join(tmp(), 'ds');
    expect((await runCli(['extract', inputs, '--out', out, '--no-progress', '-q'])).code).toBe(0);
    const again = await runCli(['extract', inputs, '--out', out, '--no-progress']);
    expect(again.stdout).toMatch(/^2 of 2 documents extracted into .*; 2 reused from the cache \(unchanged since the last run; --force extracts them again\); 1 file skipped/m);
    expect(again.stdout).not.toMatch(/REUSED/);
    const verbose = await runCli(['extract', inputs, '--out', out, '--no-progress', '-v']);
    expect(verbose.stdout).toContain(`  REUSED ${inputs}/003_b0a8e64db5de6a55.txt (003_b0a8e64db5de6a55)\n  REUSED ${inputs}/004_22f7cd4e67d48923.txt (${D})\n`);
  });

  it('two corrections of one record, one applied and one stale: extract and validate give the same count, one line per stale correction', async () => {
    const inputs = seedFolder();
    const dir = tmp();
    const out = join(dir, 'ds');
    const fix = join(dir, 'fix.json');
    writeFileSync(fix, JSON.stringify({
      corrections: [
        { op: 'set', id: TASK1, fields: { title: '落实主体功能区战略，健全空间规划体系' }, expect: { title: '落实主体功能区战略' } },
        // written for an older extraction that cut the title elsewhere: stale
        { op: 'set', id: TASK1, fields: { marker: '（一）' }, expect: { title: '落实主体功能区' } },
        { op: 'drop', id: `${D}:task:i9.i9` },
      ],
    }));
    const run = await runCli(['extract', inputs, '--out', out, '--corrections', fix, '--no-progress']);
    expect(run.code).toBe(0);
    const stale = (s: string) => s.split('\n').filter((l) => / stale: /.test(l));
    expect(stale(run.stderr)).toHaveLength(2);
    expect(run.stdout).toContain(`${fix}: 1 of 3 corrections applied, 2 stale\n`);
    const check = await runCli(['validate', out, '--corrections', fix]);
    expect(check.code).toBe(1);
    expect(stale(check.stdout)).toHaveLength(2);
    expect(check.stderr).toContain(`${fix}: 1 of 3 corrections applied, 2 stale\n`);
  });
});

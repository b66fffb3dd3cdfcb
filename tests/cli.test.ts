// The built CLI: help a newcomer can follow, exit codes 0/1/2, what each verbosity prints, `planx validate`.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from './helpers.js';
import { spawnSync } from 'node:child_process';
import { CLI, ensureBuilt, runCli } from './cli-build.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-cli-'));
const SMALL = [SEED.s000, SEED.s003];

beforeAll(async () => {
  await ensureBuilt();
});

describe('help', () => {
  it('planx --help names both commands; extract --help lists every option with an example', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/extract \[options\] <inputs\.\.\.>/);
    expect(top.stdout).toMatch(/validate \[options\] <dataset>/);
    const ex = await runCli(['extract', '--help']);
    expect(ex.code).toBe(0);
    for (const flag of ['--out', '--format', '--concurrency', '--timeout', '--config', '--quiet', '--verbose', '--no-progress']) expect(ex.stdout).toContain(flag);
    expect(ex.stdout).toContain('planx extract seeds --out dataset');
    expect(ex.stdout).toContain('Exit code 0 = all processed, 1 = some failed, 2 = usage error');
  });
});

describe('a reader that stops reading', () => {
  it('`planx extract --help | true`: the pipe closed before planx writes ends it quietly with exit 0, no stack trace', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" extract --help | true; echo "planx:\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toBe('planx:0\n');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|\bat /);
  });
});

describe('usage errors exit 2 with a message', () => {
  it.each([
    ['no inputs', ['extract', '--out', '/tmp/x'], /missing required argument 'inputs'/],
    ['no --out', ['extract', SEED.s000], /required option '-o, --out <dir>' not specified/],
    ['an unknown format', ['extract', SEED.s000, '--out', '/tmp/x', '--format', 'csv,xlsx'], /unknown format "xlsx"; choose from jsonl, csv, sqlite, parquet/],
    ['a concurrency of 0', ['extract', SEED.s000, '--out', '/tmp/x', '-c', '0'], /--concurrency must be a whole number >= 1, got "0"/],
    ['--quiet with --verbose', ['extract', SEED.s000, '--out', '/tmp/x', '-q', '-v'], /--quiet and --verbose cannot be used together/],
    ['a missing config file', ['extract', SEED.s000, '--out', '/tmp/x', '--config', '/nonexistent.json'], /config file \/nonexistent\.json not found/],
    ['validate without a dataset', ['validate', '/nonexistent/ds'], /no such dataset folder/],
  ])('%s', async (_what, args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('an --out folder that is not a dataset is left alone', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'thesis.docx'), 'precious');
    const r = await runCli(['extract', SEED.s000, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/will not replace it: it has no manifest\.json/);
    expect(readFileSync(join(dir, 'thesis.docx'), 'utf8')).toBe('precious');
  });
});

describe('extract output', () => {
  it('without a terminal: one line per document, then a summary; exit 0', async () => {
    const out = join(tmp(), 'ds');
    const r = await runCli(['extract', ...SMALL, '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[1\/2\] 000_89bd9c84135b419f {2}《江门市蓬江区生态环境保护“十四五”规划》编制说明 — \d+ sections/);
    expect(lines[2]).toMatch(new RegExp(`^2 of 2 documents extracted into ${out} \\(jsonl\\) in [\\d.]+ s`));
    expect(r.stderr).toBe('');
  });

  it('--quiet prints the summary only; --verbose adds timings and diagnostics', async () => {
    const q = await runCli(['extract', ...SMALL, '--out', join(tmp(), 'ds'), '-q']);
    expect(q.stdout.trim().split('\n')).toHaveLength(1);
    const v = await runCli(['extract', ...SMALL, '--out', join(tmp(), 'ds'), '--verbose']);
    expect(v.stdout).toMatch(/^2 documents, [\d.]+ MB, in-process/);
    expect(v.stdout).toMatch(/ms: read \d+, .*; diagnostics: \d+ errors, \d+ warnings, \d+ info/);
  });

  it('--format writes the derived formats next to the JSONL', async () => {
    const out = join(tmp(), 'ds');
    const r = await runCli(['extract', SEED.s000, '--out', out, '--format', 'csv, sqlite,parquet', '-q']);
    expect(r.code).toBe(0);
    for (const f of ['sections.jsonl', 'csv/sections.csv', 'dataset.sqlite', 'parquet/sections.parquet']) expect(existsSync(join(out, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.formats).toEqual(['jsonl', 'csv', 'sqlite', 'parquet']);
  });
});

describe('planx validate', () => {
  it('exit 0 on a good dataset, 1 with file:line messages on a damaged one', async () => {
    const out = join(tmp(), 'ds');
    await runCli(['extract', SEED.s000, '--out', out, '-q']);
    const ok = await runCli(['validate', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/\d+ records in 13 files checked, 0 problems/);
    const sections = readFileSync(join(out, 'sections.jsonl'), 'utf8').split('\n');
    sections[2] = JSON.stringify({ ...JSON.parse(sections[2]), span: { start: 1, end: 9_999_999 } });
    writeFileSync(join(out, 'sections.jsonl'), sections.join('\n'));
    const bad = await runCli(['validate', out]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^sections\.jsonl:3 {2}span \[1, 9999999\) is outside texts\/000_89bd9c84135b419f\.txt/m);
    expect(bad.stdout).toMatch(/^sections\.jsonl {2}differs from what planx wrote/m); // the file's hash, too
    expect(bad.stderr).toMatch(/2 problems$/m);
  });
});

describe('config file', () => {
  it('planx.config.json in the working folder sets the formats; --format overrides it', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'planx.config.json'), JSON.stringify({ formats: ['csv'], concurrency: 1, agencyAliases: { 市环保局: '江门市生态环境局' } }));
    const a = await runCli(['extract', SEED.s000, '--out', 'a', '-q'], { cwd });
    expect(a.code).toBe(0);
    expect(existsSync(join(cwd, 'a', 'csv', 'sections.csv'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, 'a', 'manifest.json'), 'utf8'));
    expect(manifest.options).toEqual({ formats: ['jsonl', 'csv'], agency_aliases: { 市环保局: '江门市生态环境局' } });
    const b = await runCli(['extract', SEED.s000, '--out', 'b', '-q', '--format', 'sqlite'], { cwd });
    expect(b.code).toBe(0);
    expect(existsSync(join(cwd, 'b', 'csv'))).toBe(false);
    expect(existsSync(join(cwd, 'b', 'dataset.sqlite'))).toBe(true);
  });

  it('a mistake in it is a usage error naming the file and the setting', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'conf'));
    writeFileSync(join(cwd, 'conf', 'my.json'), JSON.stringify({ formts: ['csv'] }));
    const r = await runCli(['extract', SEED.s000, '--out', 'a', '--config', 'conf/my.json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^planx: conf\/my\.json: unknown setting "formts" \(did you mean "formats"\?\)/);
    expect(existsSync(join(cwd, 'a'))).toBe(false);
  });
});

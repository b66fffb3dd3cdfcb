// Incremental runs and corrections through the built CLI: `planx extract` skips unchanged documents (the
// cache in <out>/.planx-cache/), `--force` extracts them again, a corrections file is applied on every run
// (fresh or cached), a stale correction is reported, `planx validate --corrections` checks a file.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { SEED } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-inc-'));
const D = '004_22f7cd4e67d48923';
const TASK1 = `${D}:task:i2.i1.i1`; // 二、（一）1.落实主体功能区战略 (line 16)
const TASK2 = `${D}:task:i2.i1.i2`; // 二、（一）2.优化发展空间布局 (line 17)

/** Every file of a folder (the cache included), path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  expect([...a].filter(([k, v]) => !b.get(k)!.equals(v)).map(([k]) => k)).toEqual([]);
}

function jsonl(dir: string, name: string): Array<Record<string, any>> {
  return readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Copies of the inputs in a folder of their own, so a test can edit them. */
function copyInputs(files: string[]): string[] {
  const dir = tmp();
  return files.map((f) => {
    const p = join(dir, basename(f));
    copyFileSync(f, p);
    return p;
  });
}

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`not in ${file}: ${from}`);
  writeFileSync(file, text.slice(0, i) + to + text.slice(i + from.length));
}

beforeAll(async () => {
  await ensureBuilt();
});

describe('incremental runs', () => {
  it('a second run over the seeds skips all five and writes the same bytes; --force extracts them again; an edited seed alone is extracted', async () => {
    const inputs = copyInputs(Object.values(SEED));
    const out = join(tmp(), 'ds');

    const first = await runCli(['extract', ...inputs, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/reused/);
    const before = snapshot(out);
    expect([...before.keys()].filter((k) => k.startsWith('.planx-cache/'))).toHaveLength(5);

    const second = await runCli(['extract', ...inputs, '--out', out]);
    expect(second.code).toBe(0);
    const lines = second.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const l of lines.slice(0, 5)) expect(l).toMatch(/^\[\d\/5\] \S+ {2}.* — reused from the cache: \d+ sections/);
    expect(lines[5]).toMatch(/^5 of 5 documents extracted into .* MB\/s; 5 reused from the cache \(unchanged since the last run; --force extracts them again\)/);
    expectSameFiles(before, snapshot(out)); // JSONL, texts, manifest and cache alike

    // --force, in worker threads this time (the cache entries are then encoded in the workers)
    const forced = await runCli(['extract', ...inputs, '--out', out, '--force', '-c', '2'], { env: { PLANX_THREADS: 'on' } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).not.toMatch(/reused/);
    expect(forced.stdout).toMatch(/^5 of 5 documents extracted into /m);
    expectSameFiles(before, snapshot(out));

    // a paragraph inserted before the first task of 004 (invented, in the document's style): only 004 is
    // extracted again, and its task ids do not move
    const taskIds = () => jsonl(out, 'tasks').filter((t) => t.doc_id === D).map((t) => t.id);
    const ids = taskIds();
    expect(ids).toHaveLength(58);
    replaceOnce(inputs[4], '二、主要措施\n', '到2020年底，全市各项创建工作按期推进，确保通过国家生态文明建设示范市验收。\n\n二、主要措施\n');
    const edited = await runCli(['extract', ...inputs, '--out', out]);
    expect(edited.code).toBe(0);
    const unchanged = edited.stdout.split('\n').filter((l) => l.includes('reused from the cache:'));
    expect(unchanged.map((l) => l.slice(l.indexOf('] ') + 2, l.indexOf('  ')))).toEqual(['000_89bd9c84135b419f', '001_8fd7a56d80be0113', '002_fa45e1ef304f6357', '003_b0a8e64db5de6a55']);
    expect(edited.stdout).toMatch(/; 4 reused from the cache \(unchanged since the last run/);
    expect(taskIds()).toEqual(ids);
    const after = snapshot(out);
    expect([...after.keys()].filter((k) => k.startsWith('.planx-cache/'))).toHaveLength(5); // 004's old entry left with the old dataset
    expect(after.get('texts/002_fa45e1ef304f6357.txt')!.equals(before.get('texts/002_fa45e1ef304f6357.txt')!)).toBe(true);
  });
});

describe('corrections', () => {
  it('fix a record on every run (fresh, cached, forced); a correction the document outgrew is reported as stale; validate --corrections', async () => {
    const [input] = copyInputs([SEED.s004]);
    const dir = tmp();
    const out = join(dir, 'ds');
    const fix = join(dir, 'fix.json');
    writeFileSync(fix, JSON.stringify({
      corrections: [
        { op: 'set', id: TASK1, fields: { title: '落实主体功能区战略，健全空间规划体系' }, expect: { title: '落实主体功能区战略' }, note: 'title cut short' },
        // the bracket of 2. names 5 participating bodies; suppose the plan's authors meant 市水利局 too
        { op: 'add_assignment', task_id: TASK2, agency: '市水利局', role: 'participate' },
      ],
    }, null, 2));
    const corrected = () => {
      const task1 = jsonl(out, 'tasks').find((t) => t.id === TASK1)!;
      const asg2 = jsonl(out, 'assignments').filter((a) => a.task_id === TASK2);
      return { title: task1.title, roles: asg2.map((a) => a.role), water: asg2.filter((a) => a.agency_id === 'agency:江门市水利局').map((a) => a.role) };
    };
    // by hand (line 17): 市发展改革局、市自然资源局牵头, five bodies 参加, 各市（区）政府落实; the added one
    // comes after the task's own assignments
    const fixed = { title: '落实主体功能区战略，健全空间规划体系', roles: ['lead', 'lead', 'participate', 'participate', 'participate', 'participate', 'participate', 'implement', 'participate'], water: ['participate'] };

    const first = await runCli(['extract', input, '--out', out, '--corrections', fix]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${fix}: 2 of 2 corrections applied\n`);
    expect(first.stderr).toBe('');
    expect(corrected()).toEqual(fixed);
    const applied = jsonl(out, 'diagnostics').filter((d) => d.code === 'correction-applied');
    expect(applied.map((d) => [d.severity, d.line])).toEqual([['info', 16], ['info', 17]]);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.corrections).toEqual({ file: fix, count: 2 });
    expect((await runCli(['validate', out])).code).toBe(0);
    const records = jsonl(out, 'tasks');

    const cached = await runCli(['extract', input, '--out', out, '--corrections', fix]);
    expect(cached.stdout).toMatch(/1 reused from the cache \(unchanged since the last run; --force extracts it again\)/);
    expect(corrected()).toEqual(fixed);
    expect(jsonl(out, 'tasks')).toEqual(records);
    const forced = await runCli(['extract', input, '--out', out, '--corrections', fix, '--force']);
    expect(forced.stdout).not.toMatch(/reused/);
    expect(corrected()).toEqual(fixed);

    // validate --corrections: both applied; a new correction not yet run is pending (not a problem)
    const ok = await runCli(['validate', out, '--corrections', fix]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${fix}: 2 of 2 corrections applied\n`);
    const more = join(dir, 'more.json');
    const implement = jsonl(out, 'assignments').find((a) => a.task_id === TASK2 && a.role === 'implement')!;
    writeFileSync(more, JSON.stringify({ corrections: [...JSON.parse(readFileSync(fix, 'utf8')).corrections, { op: 'drop', id: implement.id }] }));
    const pending = await runCli(['validate', out, '--corrections', more]);
    expect(pending.code).toBe(0);
    expect(pending.stdout).toContain(`${more}: corrections[2] (drop ${implement.id}): pending: not applied to this dataset`);
    expect(pending.stdout).toContain('2 of 3 corrections applied, 1 not yet applied');

    // the source is revised: task 1 now reads 深入落实主体功能区战略, so the title fix (with `expect`) is stale
    replaceOnce(input, '1.落实主体功能区战略。', '1.深入落实主体功能区战略。');
    const revised = await runCli(['extract', input, '--out', out, '--corrections', fix]);
    expect(revised.code).toBe(0);
    expect(revised.stderr).toContain(`${fix}: corrections[0] (set ${TASK1}): stale: the record changed since the correction was written: title is "深入落实主体功能区战略", expected "落实主体功能区战略"`);
    expect(revised.stdout).toContain(`${fix}: 1 of 2 corrections applied, 1 stale\n`);
    expect(corrected()).toEqual({ ...fixed, title: '深入落实主体功能区战略' });
    const stale = jsonl(out, 'diagnostics').filter((d) => d.code === 'stale-correction');
    expect(stale.map((d) => [d.doc_id, d.severity])).toEqual([[D, 'warning']]);
    const check = await runCli(['validate', out, '--corrections', fix]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/corrections\[0\] \(set \S+\): stale: /);
    expect(check.stderr).toContain(`${fix}: 1 of 2 corrections applied, 1 stale\n`);
  });

  it('the corrections file named in planx.config.json is found beside it; a malformed file is a usage error naming the file and the problem', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'conf'));
    writeFileSync(join(cwd, 'conf', 'planx.json'), JSON.stringify({ corrections: 'fix.json' }));
    writeFileSync(join(cwd, 'conf', 'fix.json'), JSON.stringify({ corrections: [{ op: 'set', id: TASK2, fields: { title: '优化全市发展空间布局' } }] }));
    const r = await runCli(['extract', SEED.s004, '--out', 'ds', '--config', 'conf/planx.json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('conf/fix.json: 1 of 1 correction applied\n');
    expect(jsonl(join(cwd, 'ds'), 'tasks').find((t) => t.id === TASK2)!.title).toBe('优化全市发展空间布局');

    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ corrections: [{ op: 'add_assignment', task_id: TASK2, agency: '市水利局', role: 'boss' }] }));
    const bad = await runCli(['extract', SEED.s004, '--out', 'ds2', '--corrections', 'bad.json'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^planx: bad\.json: corrections\[0\]\.role: /);
    expect(existsSync(join(cwd, 'ds2'))).toBe(false);
    const badCheck = await runCli(['validate', 'ds', '--corrections', 'bad.json'], { cwd });
    expect(badCheck.code).toBe(2);
    expect(badCheck.stderr).toMatch(/^planx: bad\.json: corrections\[0\]\.role: /);

    writeFileSync(join(cwd, 'broken.json'), '{ "corrections": [\n  { "op": "drop" "id": "x" }\n] }');
    const broken = await runCli(['validate', 'ds', '--corrections', 'broken.json'], { cwd });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^planx: broken\.json: not valid JSON: line 2, column 18: /);
    const missing = await runCli(['extract', SEED.s004, '--out', 'ds2', '--corrections', 'nowhere.json'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^planx: corrections file nowhere\.json not found/);
  });
});

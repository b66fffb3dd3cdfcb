// Corrections keyed by stable id: applied after extraction on every run (cached or not), stale ones reported.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CorrectionsError, loadCorrections, parseCorrections } from '../pipeline/corrections.js';
import { applyCorrections } from '../pipeline/corrections-apply.js';
import { checkCorrections } from '../pipeline/corrections-check.js';
import { extractBytes } from '../pipeline/run.js';
import { stabilizeRecords } from '../model/ids.js';
import { incrementalRun } from './incremental-run.js';
import { validateDataset } from '../output/validate-dataset.js';
import { SEED } from './helpers.js';

const D = '004_22f7cd4e67d48923';
/** 二、（一）1.落实主体功能区战略: its stable id is its place in the numbering */
const TASK1 = `${D}:task:i2.i1.i1`;
const tmp = () => mkdtempSync(join(tmpdir(), 'planx-corr-'));
const jsonl = (dir: string, name: string) => readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('corrections file', () => {
  it('is validated, with the place of each mistake', () => {
    expect(() => parseCorrections({ corrections: [{ op: 'rename', id: 'x' }] }, 'c.json')).toThrow(CorrectionsError);
    expect(() => parseCorrections({ corrections: [{ op: 'set', id: 'x', fields: {} }] }, 'c.json')).toThrow(/corrections\[0\]\.fields: give at least one field/);
    expect(() => parseCorrections({ corrections: [{ op: 'set', id: 'x', fields: { id: 'y' } }] }, 'c.json')).toThrow(/id and doc_id cannot be set/);
    expect(() => parseCorrections({ corrections: [{ op: 'add_assignment', task_id: 'x', agency: '市水利局', role: 'boss' }] }, 'c.json')).toThrow(/corrections\[0\]\.role/);
    expect(() => parseCorrections({ corrections: [], extra: 1 }, 'c.json')).toThrow(CorrectionsError);
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{ "corrections": [ }');
    expect(() => loadCorrections(join(dir, 'bad.json'))).toThrow(/bad\.json: not valid JSON/);
    expect(parseCorrections({ version: 1, corrections: [{ op: 'drop', id: 'x', note: 'why' }] }, 'c.json').items).toHaveLength(1);
  });
});

describe('corrections on seed 004', () => {
  it('set, drop and add on one document; a drop of a task takes its assignments with it', async () => {
    const r = await extractBytes(SEED.s004, readFileSync(SEED.s004), D);
    stabilizeRecords(D, r.records);
    // by hand: the bracket of task 1 names 3 lead, 3 participating and 1 implementing body
    const mine = () => r.records.assignments.filter((a) => a.task_id === TASK1);
    expect(mine().map((a) => a.role)).toEqual(['lead', 'lead', 'lead', 'participate', 'participate', 'participate', 'implement']);
    const implement = mine().find((a) => a.role === 'implement')!;
    const set = parseCorrections({
      corrections: [
        { op: 'set', id: TASK1, fields: { title: '落实主体功能区战略，健全空间规划体系' }, expect: { title: '落实主体功能区战略' }, note: 'title runs on' },
        { op: 'drop', id: implement.id, note: 'the districts are not an agency of this plan' },
        { op: 'add_assignment', task_id: TASK1, agency: '市水利局', role: 'participate' },
        { op: 'add_assignment', task_id: `${D}:task:i2.i2.i1.i9`, agency: '市水利局', role: 'lead' },
        { op: 'set', id: `${D}:task:i9`, fields: { title: 'x' } },
        { op: 'set', id: implement.id.replace('implement', 'lead'), fields: { role: 'boss' } },
      ],
    }, 'fix.json');
    const outcomes = applyCorrections(r, set.items.map((correction, index) => ({ index, correction })), set.file);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied', 'stale', 'stale', 'stale']);
    const t1 = r.records.tasks.find((t) => t.id === TASK1)!;
    expect(t1.title).toBe('落实主体功能区战略，健全空间规划体系');
    expect(mine().map((a) => a.role)).toEqual(['lead', 'lead', 'lead', 'participate', 'participate', 'participate', 'participate']);
    const added = mine()[6];
    expect(added.agency).toBe('市水利局');
    expect(added.agency_id).toBe('agency:江门市水利局'); // canonicalised like extracted agencies of a 江门市 plan
    expect(added.span).toEqual(t1.span); // 市水利局 is not named in task 1: the assignment points at the task
    expect(r.records.agencies.some((a) => a.id === 'agency:江门市水利局')).toBe(true);
    const codes = r.records.diagnostics.filter((d) => d.stage === 'corrections').map((d) => d.code);
    expect(codes).toEqual(['correction-applied', 'correction-applied', 'correction-applied', 'stale-correction', 'stale-correction', 'stale-correction']);

    // an invalid value is refused, the record untouched
    const lead = mine()[0];
    const bad = applyCorrections(r, [{ index: 0, correction: { op: 'set', id: lead.id, fields: { role: 'boss' } } }], 'fix.json');
    expect(bad[0].status).toBe('invalid');
    expect(lead.role).toBe('lead');

    // dropping the task: its 7 assignments go, its targets stay but are detached
    const dropped = applyCorrections(r, [{ index: 0, correction: { op: 'drop', id: TASK1 } }], 'fix.json');
    expect(dropped[0].message).toBe('dropped with 7 dependent record(s)');
    expect(r.records.assignments.filter((a) => a.task_id === TASK1)).toEqual([]);
    expect(r.records.tasks.some((t) => t.id === TASK1)).toBe(false);
  });

  it('an agency named in the task text is grounded at its mention', async () => {
    // invented, in the style of corpus c13: 区财政局 is named in the body but missing from the bracket
    const text = '松江区城市更新2025年度实施计划\n\n一、重点任务\n\n1.加快零星旧改。会同区财政局落实补贴资金，2025年12月底前完成签约。（牵头单位：区住房保障局）\n';
    const r = await extractBytes('plan.txt', new TextEncoder().encode(text), 'plan');
    stabilizeRecords('plan', r.records);
    const task = r.records.tasks.find((t) => t.title === '加快零星旧改')!;
    const [o] = applyCorrections(r, [{ index: 0, correction: { op: 'add_assignment', task_id: task.id, agency: '区财政局', role: 'participate' } }], 'c.json');
    expect(o.status).toBe('applied');
    const a = r.records.assignments.find((x) => x.agency === '区财政局')!;
    expect(Array.from(r.text).slice(a.span.start, a.span.end).join('')).toBe('区财政局');
    expect(a.line).toBe(5);
    expect(a.role_text).toBe('参加');
  });

  it('survive a re-run (from the cache and after --force), and a stale one is reported after the source changed', async () => {
    const inputs = tmp();
    const file = join(inputs, `${D}.txt`);
    copyFileSync(SEED.s004, file);
    const out = join(tmp(), 'ds');
    const corrections = parseCorrections({
      corrections: [
        { op: 'set', id: TASK1, fields: { title: '落实主体功能区战略（已校对）' } },
        { op: 'set', id: `${D}:task:i2.i1.i2`, fields: { title: '优化发展空间布局（已校对）' } },
        { op: 'set', id: 'other_doc:task:i1', fields: { title: 'x' } },
      ],
    }, 'fix.json');
    const check = () => {
      const tasks = jsonl(out, 'tasks');
      return [tasks.find((t) => t.id === TASK1)?.title, tasks.find((t) => t.id === `${D}:task:i2.i1.i2`)?.title];
    };

    const first = await incrementalRun([file], out, { corrections });
    expect(first.misses).toBe(1);
    expect((await validateDataset(out)).problems).toEqual([]);
    expect(check()).toEqual(['落实主体功能区战略（已校对）', '优化发展空间布局（已校对）']);
    expect(first.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'not-in-run']);

    const second = await incrementalRun([file], out, { corrections });
    expect(second.hits).toBe(1); // unchanged document: served from the cache, corrected again
    expect(check()).toEqual(['落实主体功能区战略（已校对）', '优化发展空间布局（已校对）']);
    const forced = await incrementalRun([file], out, { corrections, force: true });
    expect(forced.hits).toBe(0);
    expect(check()).toEqual(['落实主体功能区战略（已校对）', '优化发展空间布局（已校对）']);

    // `planx validate --corrections`: the dataset holds both, the third is for a document not in it
    expect(checkCorrections(out, corrections).map((o) => o.status)).toEqual(['applied', 'applied', 'not-in-run']);

    // the source loses task 2. (and the later tasks of the list are renumbered): the correction of 2. is stale
    const src = readFileSync(SEED.s004, 'utf8');
    const start = src.indexOf('2.优化发展空间布局');
    const end = src.indexOf('3.严格自然生态空间管控');
    writeFileSync(file, src.slice(0, start) + src.slice(end).replace('3.严格自然生态空间管控', '2.严格自然生态空间管控'));
    const third = await incrementalRun([file], out, { corrections });
    expect(third.misses).toBe(1);
    // 2. now exists again (the renumbered 严格自然生态空间管控), but the correction still applies to its id:
    // `expect` guards against that; without it the id is what counts
    expect(third.outcomes[0].status).toBe('applied');
    const guarded = parseCorrections({
      corrections: [{ op: 'set', id: `${D}:task:i2.i1.i2`, fields: { title: '优化发展空间布局（已校对）' }, expect: { title: '优化发展空间布局' } }],
    }, 'fix.json');
    const fourth = await incrementalRun([file], out, { corrections: guarded });
    expect(fourth.hits).toBe(1);
    expect(fourth.outcomes[0].status).toBe('stale');
    expect(fourth.outcomes[0].message).toMatch(/title is "严格自然生态空间管控", expected "优化发展空间布局"/);
    const diags = jsonl(out, 'diagnostics').filter((d) => d.code === 'stale-correction');
    expect(diags).toHaveLength(1);
    expect(diags[0].doc_id).toBe(D);
    expect(checkCorrections(out, guarded)[0].status).toBe('stale');

    // a drop of a task and an added assignment leave a dataset that passes `planx validate`
    const edits = parseCorrections({
      corrections: [
        { op: 'drop', id: `${D}:task:i2.i1.i2` }, // the renumbered 2.严格自然生态空间管控
        { op: 'add_assignment', task_id: TASK1, agency: '市水利局', role: 'participate' },
      ],
    }, 'fix.json');
    const fifth = await incrementalRun([file], out, { corrections: edits });
    expect(fifth.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect((await validateDataset(out)).problems).toEqual([]);
    expect(jsonl(out, 'agencies').some((a) => a.id === 'agency:江门市水利局')).toBe(true);
  });
});

// planx compare: indicators aligned across documents, agency load, task themes; CSV; the three workflow commands on the CLI.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { alignIndicators, compareDataset, normName, normUnit, themeOf, writeCompareCsv, type Comparison, type Measure } from '../workflows/compare.js';
import { loadDataset } from '../output/load-dataset.js';
import { runBatch } from '../pipeline/batch.js';
import { SEED } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

const D002 = '002_fa45e1ef304f6357';
const D004 = '004_22f7cd4e67d48923';
let dataset: string;
let c: Comparison;

beforeAll(async () => {
  const inputs = mkdtempSync(join(tmpdir(), 'planx-cmp-in-'));
  const files = Object.values(SEED).map((f) => {
    const p = join(inputs, basename(f));
    copyFileSync(f, p);
    return p;
  });
  dataset = join(mkdtempSync(join(tmpdir(), 'planx-cmp-')), 'ds');
  await runBatch(files, { out: dataset, workers: false });
  c = compareDataset(loadDataset(dataset));
});

const measure = (doc: string, name: string, unit: string | null, value = 1): Measure => ({
  doc_id: doc, source: 'table', record_id: `${doc}:${name}`, name, unit, category: null, baseline: null, targets: [{ year: 2025, value, text: String(value) }], attribute: null, line: 1,
});

describe('names and units', () => {
  it('fold width, brackets, unit suffixes, 比率 and a leading 全市', () => {
    expect(normName('城市空气质量优良天数比率 (%)')).toBe('城市空气质量优良天数比例');
    expect(normName('环境空气质量（优良天数比例）')).toBe('环境空气质量优良天数比例');
    expect(normName('全市森林覆盖率')).toBe('森林覆盖率');
    expect(normUnit('％')).toBe('%');
    expect(normUnit('微克/立方米')).toBe('μg/m³');
    expect(normUnit(' ')).toBeNull();
  });

  it('align close names across documents, never two differently named indicators of one document', () => {
    // invented rows in the style of a provincial and a city 十四五 plan
    const ms = [
      measure('A', '地表水达到或好于Ⅲ类水体比例', '%'),
      measure('A', '氨氮排放总量减少', '%'),
      measure('A', '氮氧化物排放总量减少', '%'),
      measure('B', '地表水达到或好于Ⅲ类水体比例（国控断面）', '%'),
      measure('B', '氮氧化物排放总量减少', '%'),
      measure('B', 'PM2.5年均浓度', 'μg/m³'),
      measure('C', 'PM2.5年均浓度', '%'), // same name, another unit: another indicator
    ];
    const al = alignIndicators(ms);
    const groups = al.map((i) => i.measures.map((m) => `${m.doc_id}:${m.name}`).sort());
    expect(groups).toEqual(expect.arrayContaining([
      ['A:地表水达到或好于Ⅲ类水体比例', 'B:地表水达到或好于Ⅲ类水体比例（国控断面）'],
      ['A:氮氧化物排放总量减少', 'B:氮氧化物排放总量减少'],
      ['A:氨氮排放总量减少'],
      ['B:PM2.5年均浓度'],
      ['C:PM2.5年均浓度'],
    ]));
  });

  it('themes from the title first, then the text', () => {
    expect(themeOf('打赢蓝天保卫战', '')).toBe('大气');
    expect(themeOf('加快零星旧改', '完成旧住房成套改造5万平方米')).toBe('城乡建设与住房');
    expect(themeOf('其它事项', '')).toBe('其他');
  });
});

describe('compare on the seeds', () => {
  const shared = (pred: (name: string) => boolean) => c.indicators.find((i) => i.measures.some((m) => pred(m.name)) && i.doc_ids.includes(D002) && i.doc_ids.includes(D004));

  it('lines up forest cover, green procurement and air quality days between 002 and 004', () => {
    // by hand: 002 表1 row 10 森林覆盖率 46.25; 002 prose 到2025年森林覆盖率达到44.64%以上; 004 prose 2020年底前全市森林覆盖率达到45.1%
    const forest = shared((n) => n === '森林覆盖率')!;
    expect(forest).toBeDefined();
    expect(forest.unit).toBe('%');
    expect(forest.measures.find((m) => m.doc_id === D002 && m.source === 'table')!.baseline!.value).toBe(46.25);
    expect(forest.measures.filter((m) => m.doc_id === D002 && m.source === 'prose').map((m) => m.targets[0].value)).toEqual([44.64]);
    expect(forest.measures.filter((m) => m.doc_id === D004).map((m) => m.targets[0].value)).toContain(45.1);
    // by hand: 002 prose 政府采购绿色产品比例达到95%; 004 indicator table 政府绿色采购比例 94.13 → ≥80 / 95; 004 prose 80%以上
    const procurement = shared((n) => n.includes('绿色采购') || n.includes('采购绿色'))!;
    expect(procurement.measures.map((m) => m.name)).toEqual(expect.arrayContaining(['政府采购绿色产品比例', '政府绿色采购比例']));
    expect(procurement.measures.find((m) => m.doc_id === D004 && m.source === 'table')!.baseline!.value).toBe(94.13);
    // by hand: 002 表1 城市空气质量优良天数比例 92.6 → 93; 表2 城市空气质量优良天数比率 88.0; 004 环境空气质量 / 优良天数比例 80.8
    const air = shared((n) => n.includes('优良天数'))!;
    expect(air.measures.filter((m) => m.doc_id === D002 && m.source === 'table').map((m) => m.baseline!.value).sort()).toEqual([88, 92.6]);
    expect(air.measures.filter((m) => m.doc_id === D004 && m.source === 'table').map((m) => m.baseline!.value)).toEqual([80.8]);
  });

  it('keeps apart what only looks alike: PM2.5 concentration (002) and PM2.5 reduction (004)', () => {
    const pm = c.indicators.filter((i) => i.measures.some((m) => m.name.includes('PM2.5')));
    for (const i of pm) expect(new Set(i.measures.map((m) => normName(m.name).includes('下降') || normName(m.name).includes('幅度'))).size).toBe(1);
    const forest = shared((n) => n === '森林覆盖率')!;
    expect(forest.measures.some((m) => m.name.startsWith('林草'))).toBe(false);
  });

  it('agency load: 江门海事局 leads 2 tasks of 004 and joins 1 (three brackets, by hand)', () => {
    const row = c.agencyLoad.find((a) => a.doc_id === D004 && a.agency === '江门海事局')!;
    expect(row).toMatchObject({ tasks: 3, lead: 2, participate: 1, implement: 0, responsible: 0 });
  });

  it('themes cover every task once', () => {
    const ds = loadDataset(dataset);
    for (const d of ds.documents) {
      const sum = c.themes.filter((t) => t.doc_id === d.document.id).reduce((n, t) => n + t.tasks, 0);
      expect(sum).toBe(d.tasks.length);
    }
  });

  it('writes CSV with a BOM and the documents side by side', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planx-cmp-csv-'));
    expect(writeCompareCsv(c, dir)).toEqual(['indicators.csv', 'indicators_wide.csv', 'agency_load.csv', 'themes.csv']);
    const wide = readFileSync(join(dir, 'indicators_wide.csv'), 'utf8');
    expect(wide.startsWith('\uFEFFindicator,indicator_name,unit,documents,')).toBe(true);
    const forest = wide.split('\r\n').find((l) => l.startsWith('森林覆盖率,'))!;
    expect(forest).toContain('2015: 46.25');
    expect(forest).toContain('2020: >=45.1%');
  });
});

describe('the workflow commands on the built CLI', () => {
  it('compare, report and diff: exit codes and files', async () => {
    await ensureBuilt();
    const out = join(mkdtempSync(join(tmpdir(), 'planx-cli-')), 'cmp');
    const r1 = await runCli(['compare', dataset, '--out', out]);
    expect(r1.code).toBe(0);
    for (const f of ['indicators.csv', 'indicators_wide.csv', 'agency_load.csv', 'themes.csv', 'compare.html']) expect(existsSync(join(out, f))).toBe(true);
    const site = join(out, '..', 'site');
    expect((await runCli(['report', dataset, '--out', site])).code).toBe(0);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    expect((await runCli(['report', join(out, 'nope')])).code).toBe(2);
    expect((await runCli(['diff', dataset, dataset])).code).toBe(0);
    const d = await runCli(['diff', SEED.s000, SEED.s001, '--json']);
    expect(d.code).toBe(1);
    expect(JSON.parse(d.stdout).documents[0]).toMatchObject({ old_doc: '000_89bd9c84135b419f', new_doc: '001_8fd7a56d80be0113', status: 'changed' });
    expect((await runCli(['diff', join(out, 'nope'), SEED.s000])).code).toBe(2);
  });
});

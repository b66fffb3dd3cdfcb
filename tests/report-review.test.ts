// Report and compare details a reviewer relies on (issue 18, point 6): page numbers beside line numbers for
// PDF sources, a link to the original file, the four roles told apart by colour, an index that sorts (static
// sorted copies: the pages run no script) and fits a 1400 px window, plan titles (not cover-notice titles)
// on chart labels, legends that show every key in full; `report --out` and `compare --out` replace their
// own folder as a whole and refuse a folder that is not theirs.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeReport } from '../workflows/report/site.js';
import { groupedBars, stackedBars } from '../workflows/report/charts.js';
import { planTitle } from '../workflows/report/html.js';
import { comparePage } from '../workflows/report/compare-page.js';
import { OutputFolderError } from '../workflows/report/folder.js';
import { runBatch } from '../pipeline/batch.js';
import { FIXTURES, SEED } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

declare const getComputedStyle: (el: unknown) => { backgroundColor: string };
declare const document: { querySelectorAll: (s: string) => ArrayLike<unknown>; documentElement: { scrollWidth: number; clientWidth: number } };

const CHROMIUM = '/usr/bin/chromium';
const C06 = 'c06_dazhou_tandafeng_1n_zhengce_tixi_bianzhi_gongzuo_fangan_2022';
const C06_PLAN = '达州市碳达峰碳中和“1+N”政策体系编制工作方案';
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

let ds: string;
let site: string;
let inputs: string;

beforeAll(async () => {
  inputs = tmp('planx-review-in-');
  const files = [SEED.s002, SEED.s004, join(FIXTURES, `${C06}.pdf`)].map((f) => {
    const p = join(inputs, basename(f));
    copyFileSync(f, p);
    return p;
  });
  // a long file name gives a long doc id with no break opportunity: the index must still fit the window
  const long = join(inputs, 'guangdong_sheng_jiangmen_shi_xinhui_qu_chuangjian_guojia_shengtai_wenming_jianshe_shifanqu_gongzuo_fangan_2020_zhengshi_fabu_ban.txt');
  copyFileSync(SEED.s000, long);
  files.push(long);
  ds = join(tmp('planx-review-ds-'), 'ds');
  await runBatch(files, { out: ds, workers: false });
  // a dataset that has plan_title (the cover notice 关于印发…的通知 is c06's title): charts must show the plan's
  const docsFile = join(ds, 'documents.jsonl');
  const lines = readFileSync(docsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  writeFileSync(docsFile, lines.map((d) => JSON.stringify(d.id === C06 ? { ...d, plan_title: C06_PLAN } : d)).join('\n') + '\n');
  site = join(tmp('planx-review-site-'), 'site');
  writeReport(ds, site);
});

describe('pages as written', () => {
  it('a PDF document: page beside the line of tasks, tables and diagnostics; a working link to the original file', () => {
    const html = readFileSync(join(site, `doc-${C06}.html`), 'utf8');
    expect(html).toMatch(/line \d+ · p\. \d+/);
    const href = /<a class="source" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(existsSync(resolve(site, decodeURIComponent(href!)))).toBe(true);
    expect(readFileSync(resolve(site, decodeURIComponent(href!)))).toEqual(readFileSync(join(inputs, `${C06}.pdf`)));
    // a text source has lines only
    expect(readFileSync(join(site, 'doc-004_22f7cd4e67d48923.html'), 'utf8')).not.toMatch(/line \d+ · p\. \d+/);
  });

  it('the index links every column header to a sorted copy, numbers largest first, and back', () => {
    const byTasks = readFileSync(join(site, 'index-by-tasks.html'), 'utf8');
    const order = [...byTasks.matchAll(/href="doc-([^"]+)\.html"/g)].map((m) => m[1]);
    const taskCount = (id: string) => readFileSync(join(ds, 'tasks.jsonl'), 'utf8').split('\n').filter((l) => l.includes(`"doc_id":"${id}"`)).length;
    const counts = order.map(taskCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(order).toHaveLength(4);
    expect(byTasks).toContain('href="index-by-tasks-rev.html"'); // clicking again reverses
    const rev = [...readFileSync(join(site, 'index-by-tasks-rev.html'), 'utf8').matchAll(/href="doc-([^"]+)\.html"/g)].map((m) => m[1]);
    expect(rev.map(taskCount)).toEqual([...counts].reverse());
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    for (const k of ['document', 'tasks', 'indicators', 'diagnostics']) expect(index).toContain(`href="index-by-${k}.html"`);
  });

  it('chart labels use the plan title; the cover-notice title is not a label', () => {
    const html = readFileSync(join(site, 'compare.html'), 'utf8');
    expect(html).toContain(C06_PLAN);
    expect(html).not.toContain('关于印发达州市碳达峰');
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain(C06_PLAN);
  });
});

describe('legends show every key in full', () => {
  it('grouped bars: every series; stacked bars: every key, none cut with …', () => {
    const series = ['baseline 2020', 'target 2025（约束性，省下达）', 'target 2030 远景目标', 'target 2035'];
    const svg = groupedBars('x', [{ label: '江门市生态环境保护“十四五”规划', bars: series.map((s, i) => ({ series: s, value: i + 1 })) }, { label: 'b', bars: [{ series: series[0], value: 2 }] }]);
    for (const s of series) expect(svg).toContain(`>${s.replace(/"/g, '&quot;')}</text>`);
    const keys = ['生态环境保护与污染防治', '产业发展与结构调整', '城乡建设与基础设施', '科技创新与人才支撑', '民生保障与公共服务', '体制机制改革', '组织保障与监督考核', '其他'];
    const st = stackedBars('t', keys, [{ label: 'a', parts: keys.map(() => 1) }]);
    for (const k of keys) expect(st).toContain(`>${k}</text>`);
    expect(st).not.toMatch(/…<\/text>/);
    // the legend stays inside the picture
    const width = Number(/<svg[^>]*width="([\d.]+)"/.exec(st)![1]);
    for (const m of st.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="10"/g)) expect(Number(m[1])).toBeLessThan(width);
  });

  it('without plan_title, a cover notice is labelled by the plan it issues', () => {
    expect(planTitle({ title: '某市人民政府办公室关于印发某市“十四五”林业发展规划的通知' })).toBe('某市“十四五”林业发展规划');
    expect(planTitle({ title: '某区人民政府办公室关于转发区发展改革委《某区节能降碳行动方案（2024—2025年）》的通知' })).toBe('某区节能降碳行动方案（2024—2025年）');
    expect(planTitle({ title: '某县乡村振兴实施方案' })).toBe('某县乡村振兴实施方案');
    expect(planTitle({ title: '关于印发某规划的通知', plan_title: '某规划（修订）' })).toBe('某规划（修订）');
  });

  it('the compare page labels a document by its plan title when it has one, else its title', () => {
    const html = comparePage({
      documents: [{ id: 'a', title: '关于印发某规划的通知', plan_title: '某市“十四五”规划', region: null, period: null }, { id: 'b', title: '某县实施方案', plan_title: '某县实施方案', region: null, period: null }],
      indicators: [{ key: 'k', name: '森林覆盖率', unit: '%', doc_ids: ['a', 'b'], measures: ['a', 'b'].map((d, i) => ({ doc_id: d, source: 'table' as const, record_id: `${d}:ind:1`, name: '森林覆盖率', unit: '%', category: null, baseline: { year: 2020, value: 60 + i, text: String(60 + i) }, targets: [], attribute: null, line: 1 })) }],
      agencyLoad: [], themes: [],
    });
    expect(html).toContain('某市“十四五”规划');
    expect(html).not.toContain('关于印发某规划的通知');
  });
});

describe('output folders are replaced as a whole', () => {
  it('report --out: no page of an earlier report survives; a dataset folder is refused and left alone', () => {
    const out = join(tmp('planx-review-atomic-'), 'site');
    writeReport(ds, out);
    writeFileSync(join(out, 'doc-gone.html'), 'stale');
    writeFileSync(join(out, 'index-by-old.html'), 'stale');
    writeReport(ds, out);
    expect(readdirSync(out)).not.toContain('doc-gone.html');
    expect(readdirSync(out)).not.toContain('index-by-old.html');
    expect(readdirSync(out)).toContain('index.html');
    expect(readdirSync(join(out, '..')).filter((n) => n.startsWith('.'))).toEqual([]); // no temporary left behind
    const before = readdirSync(ds).sort();
    expect(() => writeReport(ds, ds)).toThrow(OutputFolderError);
    expect(readdirSync(ds).sort()).toEqual(before);
  });

  it('planx compare writes its own folder: refuses the report folder, replaces its own', async () => {
    await ensureBuilt();
    const root = tmp('planx-review-cmp-');
    const report = join(root, 'site');
    writeReport(ds, report);
    const bad = await runCli(['compare', ds, '--out', report]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not written by planx compare/);
    expect(readFileSync(join(report, 'compare.html'), 'utf8')).toContain('all documents'); // the report's own page, untouched
    const cmp = join(root, 'cmp');
    mkdirSync(cmp);
    writeFileSync(join(cmp, 'old.csv'), 'stale');
    // an empty or foreign folder: old.csv makes it foreign
    expect((await runCli(['compare', ds, '--out', cmp])).code).toBe(2);
    const fresh = join(root, 'cmp2');
    expect((await runCli(['compare', ds, '--out', fresh])).code).toBe(0);
    writeFileSync(join(fresh, 'stale.csv'), 'x');
    expect((await runCli(['compare', ds, '--out', fresh])).code).toBe(0);
    expect(readdirSync(fresh).sort()).toEqual(['.planx-compare', 'agency_load.csv', 'compare.html', 'indicators.csv', 'indicators_wide.csv', 'themes.csv']);
  });
});

const haveChromium = existsSync(CHROMIUM);
(haveChromium ? describe : describe.skip)('in headless Chromium', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (file: string, width = 1280) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(pathToFileURL(join(site, file)).href);
    return page;
  };

  it('the four roles have four different colours in the text, and the legend shows each', async () => {
    const page = await open('doc-004_22f7cd4e67d48923.html');
    const colours = await page.evaluate(() =>
      ['lead', 'participate', 'implement', 'responsible'].map((r) => {
        const inText = document.querySelectorAll(`#text .role-${r}`);
        const inLegend = document.querySelectorAll(`.legend .role-${r}`);
        return [inText.length > 0 || r === 'responsible', inLegend.length, getComputedStyle(inLegend[0]).backgroundColor];
      }),
    );
    await page.close();
    for (const [present, legendCount] of colours) expect([present, legendCount]).toEqual([true, 1]);
    expect(new Set(colours.map((c: unknown[]) => c[2])).size).toBe(4);
  });

  it('the index fits a 1400 px window (nothing cut off on the right)', async () => {
    const page = await open('index.html', 1400);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    await page.close();
    expect(scroll).toBeLessThanOrEqual(client);
  });
});

// planx diff: edits to a document are reported exactly, matched by content (workflows/diff/*).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { diffPaths, diffDocumentSets, countDifferences } from '../workflows/diff/index.js';
import { renderDiff } from '../workflows/diff/render.js';
import { changedExcerpt, matchItems, similarity } from '../workflows/diff/similarity.js';
import { SEED } from './helpers.js';

const SEED004 = readFileSync(SEED.s004, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'planx-diff-'));

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`not in the text: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('diff of two versions of seed 004', () => {
  // Three edits, checked by hand against the seed:
  // 1. task 1.落实主体功能区战略: 市农业农村局 参加 → 市水利局 参加 (first bracket of the document)
  // 2. task （1）加快能源消费结构调整…: coal consumption cap 1030万吨 → 1000万吨
  // 3. a paragraph inserted at the end of 一、总体要求
  const edited = replaceOnce(
    replaceOnce(
      replaceOnce(SEED004, '市交通运输局、市农业农村局参加，各市（区）政府落实]', '市交通运输局、市水利局参加，各市（区）政府落实]'),
      '全市煤炭消费总量控制在1030万吨以下',
      '全市煤炭消费总量控制在1000万吨以下',
    ),
    '二、主要措施\n',
    '到2020年底，全市各项创建工作按期推进，确保通过国家生态文明建设示范市验收。\n二、主要措施\n',
  );

  it('reports exactly the three edits and nothing else', async () => {
    const r = await diffPaths(write('004_v1.txt', SEED004), write('004_v2.txt', edited));
    expect(r.documents).toHaveLength(1);
    const d = r.documents[0];
    expect(d.status).toBe('changed');
    expect(r.differences).toBe(3);
    expect(d.sections).toMatchObject({ added: [], removed: [], renamed: [], moved: [] });
    expect(d.tasks.added).toEqual([]);
    expect(d.tasks.removed).toEqual([]);
    expect(d.tasks.changed).toHaveLength(2);

    const [agencyEdit, targetEdit] = d.tasks.changed;
    expect(agencyEdit.new.title).toBe('落实主体功能区战略');
    expect(agencyEdit.new.marker).toBe('1.');
    expect(agencyEdit.changes).toHaveLength(2);
    expect(agencyEdit.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'assignment_added', role: 'participate', agency: expect.stringContaining('水利局') }),
      expect.objectContaining({ kind: 'assignment_removed', role: 'participate', agency: expect.stringContaining('农业农村局') }),
    ]));

    expect(targetEdit.new.title.startsWith('加快能源消费结构调整')).toBe(true);
    const kinds = targetEdit.changes.map((c) => c.kind).sort();
    expect(kinds).toEqual(['target_changed', 'text']);
    const tc = targetEdit.changes.find((c) => c.kind === 'target_changed') as { old: string; new: string };
    expect(tc.old).toContain('1030');
    expect(tc.new).toContain('1000');

    expect(d.paragraphs.added.map((p) => p.name)).toEqual([expect.stringMatching(/^到2020年底，全市各项创建工作按期推进/)]);
    expect(d.paragraphs.removed).toEqual([]);
    expect(d.paragraphs.changed).toEqual([]);
    for (const k of ['indicators', 'projects', 'targets'] as const) {
      expect(d[k].added.length + d[k].removed.length + d[k].changed.length).toBe(0);
    }
    // ids of the untouched tasks are unchanged
    expect(d.tasks.ids_changed).toEqual([]);

    const text = renderDiff(r);
    expect(text).toContain('agency added:');
    expect(text).toContain('3 difference(s) in 1 of 1 document(s)');
  });

  it('identical inputs: no differences', async () => {
    const r = await diffPaths(write('004_a.txt', SEED004), write('004_b.txt', SEED004));
    expect(r.differences).toBe(0);
    expect(r.documents[0].status).toBe('unchanged');
    expect(r.documents[0].tasks.unchanged).toBeGreaterThan(40);
  });
});

describe('diff in another style (an annual implementation plan with 牵头单位/支撑单位 brackets)', () => {
  // invented in the style of corpus c13 (松江区城市更新年度实施计划)
  const v1 = [
    '松江区城市更新2025年度实施计划', '', '一、总体目标', '', '到2025年底，完成城市更新项目20个，更新面积60万平方米。', '',
    '二、重点任务', '', '（一）推进旧区改造', '',
    '1.加快零星旧改。全年完成零星旧改3.2万平方米，2025年12月底前完成签约。（牵头单位：区住房保障局，支撑单位：区财政局、岳阳街道）', '',
    '2.推进旧住房成套改造。完成旧住房成套改造5万平方米。（牵头单位：区房管局，支撑单位：区规划资源局、方松街道）', '',
    '（二）提升公共空间品质', '',
    '3.建设口袋公园。新建口袋公园10个，2025年10月底前完工。（牵头单位：区绿化市容局，支撑单位：相关街镇）', '',
    '三、保障措施', '', '加强组织领导，各责任单位要明确分工，形成工作合力。', '',
  ].join('\n');

  it('a role change, a deadline change and a renamed section', async () => {
    let v2 = replaceOnce(v1, '支撑单位：区财政局、岳阳街道', '支撑单位：岳阳街道，区财政局牵头');
    v2 = replaceOnce(v2, '2025年10月底前完工', '2025年12月底前完工');
    v2 = replaceOnce(v2, '（二）提升公共空间品质', '（二）提升公共空间环境品质');
    const r = await diffPaths(write('plan_2025a.txt', v1), write('plan_2025b.txt', v2));
    const d = r.documents[0];
    expect(d.sections.renamed.map((s) => [s.old.title, s.new.title])).toEqual([['提升公共空间品质', '提升公共空间环境品质']]);
    expect(d.sections.moved).toEqual([]);
    expect(d.tasks.changed.map((c) => c.new.title)).toEqual(['加快零星旧改', '建设口袋公园']);
    expect(d.tasks.changed[0].changes).toEqual([{ kind: 'role_changed', agency: expect.stringContaining('区财政局'), old: 'participate', new: 'lead' }]);
    const park = d.tasks.changed[1].changes;
    expect(park.filter((c) => c.kind.startsWith('deadline'))).toEqual([
      { kind: 'deadline_removed', text: '2025年10月底前', year: 2025 },
      { kind: 'deadline_added', text: '2025年12月底前', year: 2025 },
    ]);
    expect(countDifferences(d)).toBe(3);
  });

  it('a task inserted before others: one task added, the others matched by content and renumbered', async () => {
    const v2 = replaceOnce(v1, '2.推进旧住房成套改造。', '2.推进美丽街区建设。完成美丽街区建设10处。（牵头单位：区绿化市容局）\n\n3.推进旧住房成套改造。').replace('3.建设口袋公园', '4.建设口袋公园');
    const r = await diffPaths(write('plan_ins_a.txt', v1), write('plan_ins_b.txt', v2));
    const d = r.documents[0];
    expect(d.tasks.added.map((t) => t.title)).toEqual(['推进美丽街区建设']);
    expect(d.tasks.removed).toEqual([]);
    expect(d.tasks.changed.map((c) => [c.new.title, c.changes.map((x) => x.kind)])).toEqual([
      ['推进旧住房成套改造', ['marker']],
      ['建设口袋公园', ['marker']],
    ]);
    expect(d.sections.added.map((s) => s.title)).toEqual(['推进美丽街区建设']);
  });
});

describe('diff of a plan with unnumbered lead-sentence tasks (第X章/第X节 style)', () => {
  it('a task moved to another section is reported as moved, with its new id noted', async () => {
    // invented, in the style of corpus c07 (德州市“十四五”生态环境保护规划)
    const moving = '加强移动源污染防治。推广新能源汽车，淘汰国三及以下排放标准营运柴油货车。\n\n';
    const v1 = [
      '德州市“十四五”生态环境保护规划', '', '第一章 主要任务', '', '第一节 持续改善大气环境质量', '',
      '强化工业源治理。实施钢铁行业超低排放改造，2025年底前完成全部改造任务。', '',
      moving + '第二节 巩固提升水环境质量', '',
      '推进城镇污水处理提质增效。新建污水管网200公里，城市生活污水集中收集率达到70%以上。', '',
    ].join('\n');
    const v2 = replaceOnce(v1, moving, '') + '\n' + moving;
    const r = await diffPaths(write('dz_a.txt', v1), write('dz_b.txt', v2));
    const d = r.documents[0];
    expect(r.differences).toBe(1);
    expect(d.tasks.changed.map((c) => [c.new.title, c.changes])).toEqual([
      ['加强移动源污染防治', [{ kind: 'moved', from: '第一章主要任务 › 第一节持续改善大气环境质量', to: '第一章主要任务 › 第二节巩固提升水环境质量' }]],
    ]);
    expect(d.tasks.ids_changed).toHaveLength(1);
  });
});

describe('diff of tables: seed 002', () => {
  it('an indicator target and a project investment changed, nothing else', async () => {
    const src = readFileSync(SEED.s002, 'utf8');
    // by hand: 表 2 row 3 地表水达到或好于 III 类比例, 2025 target 100; appendix 表 1 project 1, 投资概算 192520 (万元)
    let v2 = replaceOnce(src, '3\t\t地表水达到或好于 III 类比例 (%)\t100\t100\t100\t约束性', '3\t\t地表水达到或好于 III 类比例 (%)\t100\t100\t95\t约束性');
    v2 = replaceOnce(v2, '2020-2023\t192520', '2020-2023\t200000');
    const r = await diffPaths(write('002_v1.txt', src), write('002_v2.txt', v2));
    const d = r.documents[0];
    expect(r.differences).toBe(2);
    expect(d.indicators.changed).toHaveLength(1);
    expect(d.indicators.changed[0].new.name).toMatch(/^地表水达到或好于\s?III\s?类比例$/);
    expect(d.indicators.changed[0].changes).toEqual([{ field: 'target 2025', old: '100', new: '95' }]);
    expect(d.projects.changed).toHaveLength(1);
    expect(d.projects.changed[0].new.name).toBe('江门市蓬江区水环境综合治理项目(二期)');
    expect(d.projects.changed[0].changes).toEqual([{ field: 'investment', old: expect.stringMatching(/^192520/), new: expect.stringMatching(/^200000/) }]);
  });
});

describe('document pairing and matching helpers', () => {
  it('pairs the one document left on each side, and reports unpaired ones as added/removed', async () => {
    const a = { document: { id: 'x', title: 'A' }, sections: [], blocks: [], tasks: [], assignments: [], targets: [], tables: [], indicators: [], projects: [], footnotes: [], diagnostics: [], agencies: [], text: () => '' };
    const b = { ...a, document: { id: 'y', title: 'B' } };
    const c = { ...a, document: { id: 'z', title: 'C' } };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r1 = diffDocumentSets([a as any], [b as any], 'old', 'new');
    expect(r1.documents.map((d) => [d.old_doc, d.new_doc, d.status])).toEqual([['x', 'y', 'unchanged']]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r2 = diffDocumentSets([a as any], [b as any, c as any], 'old', 'new');
    expect(r2.documents.map((d) => d.status).sort()).toEqual(['added', 'added', 'removed']);
  });

  it('matches by content first, then by id, then by similarity', () => {
    const olds = [{ id: '1', t: '加强大气污染防治' }, { id: '2', t: '推进水污染治理工作' }, { id: '3', t: '完全不同的内容' }];
    const news = [{ id: '9', t: '推进水污染治理各项工作' }, { id: '1', t: '加强大气污染防治' }, { id: '4', t: '新增的一项任务' }];
    const m = matchItems(olds, news, { exact: (r) => r.t, text: (r) => r.t, id: (r) => r.id, threshold: 0.6 });
    expect(m.pairs.map((p) => [p.old.id, p.new.id])).toEqual([['2', '9'], ['1', '1']]);
    expect(m.removed.map((r) => r.id)).toEqual(['3']);
    expect(m.added.map((r) => r.id)).toEqual(['4']);
    expect(similarity('城市空气质量优良天数比例', '城市空气质量优良天数比率')).toBeGreaterThan(0.8);
    expect(changedExcerpt('控制在1030万吨以下', '控制在1000万吨以下', 3)).toEqual({ old: '…在10‹3›0万吨…', new: '…在10‹0›0万吨…' });
  });
});

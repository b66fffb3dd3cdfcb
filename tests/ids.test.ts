// Stable identities (model/ids.ts, docs/IDS.md): ids survive a re-run and edits elsewhere in the document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { extractBytes, type ExtractedDocument } from '../pipeline/run.js';
import { contentHash, identityText, stabilizeRecords } from '../model/ids.js';
import { SEED } from './helpers.js';

const SEED004 = readFileSync(SEED.s004, 'utf8');

async function extract(text: string, docId = 'doc'): Promise<ExtractedDocument> {
  const r = await extractBytes(`${docId}.txt`, new TextEncoder().encode(text), docId);
  stabilizeRecords(docId, r.records);
  return r;
}

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`not in the text: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

const ids = (r: ExtractedDocument, k: 'tasks' | 'assignments' | 'targets' | 'sections' | 'blocks' | 'footnotes') =>
  (r.records[k] as Array<{ id: string }>).map((x) => x.id);

// 004, 一、总体要求 gains a paragraph before any task (the paragraph is invented, in the document's style)
const INSERTED = '到2020年底，全市各项创建工作按期推进，确保通过国家生态文明建设示范市验收。\n';

describe('stable ids', () => {
  it('identity text folds width and blanks, drops the final full stop', () => {
    expect(identityText(' 加快推进 （一） 工作。')).toBe('加快推进(一)工作');
    expect(contentHash('加快推进工作。')).toBe(contentHash('加快推进工作'));
    expect(contentHash('加快推进工作')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('004: a paragraph inserted before the tasks changes no task, assignment, target or section id', async () => {
    const before = await extract(SEED004);
    const after = await extract(replaceOnce(SEED004, '二、主要措施\n', INSERTED + '二、主要措施\n'));
    expect(before.records.tasks.length).toBeGreaterThan(40); // seeds/README.md counts 49 bracketed tasks
    for (const k of ['tasks', 'assignments', 'targets', 'sections', 'footnotes'] as const) expect(ids(after, k)).toEqual(ids(before, k));
    // blocks: every old block keeps its id; the one new paragraph is the only new id
    const old = new Set(ids(before, 'blocks'));
    const fresh = after.records.blocks.filter((b) => !old.has(b.id));
    expect(fresh.map((b) => b.text)).toEqual([INSERTED.trim()]);
    expect(ids(after, 'blocks').filter((id) => old.has(id))).toEqual(ids(before, 'blocks'));
  });

  it('004: changing one agency in one bracket keeps the task id and the ids of the other assignments', async () => {
    const before = await extract(SEED004);
    const after = await extract(replaceOnce(SEED004, '市交通运输局、市农业农村局参加，各市（区）政府落实]', '市交通运输局、市水利局参加，各市（区）政府落实]'));
    expect(ids(after, 'tasks')).toEqual(ids(before, 'tasks'));
    const a = new Set(ids(before, 'assignments'));
    const b = new Set(ids(after, 'assignments'));
    const gone = [...a].filter((x) => !b.has(x));
    const come = [...b].filter((x) => !a.has(x));
    expect(gone).toHaveLength(1);
    expect(come).toHaveLength(1);
    const task1 = before.records.tasks.find((t) => t.title === '落实主体功能区战略')!;
    expect(gone[0].startsWith(task1.id.replace(':task:', ':asg:') + '/participate/')).toBe(true);
  });

  it('unnumbered lead-sentence tasks keep their ids when a task is inserted before them in the same section', async () => {
    // a 十四五 plan in 第X章/第X节 style, tasks as lead-sentence paragraphs (invented text)
    const plan = [
      '德州市“十四五”生态环境保护规划', '', '第一章 发展基础', '', '“十三五”期间，全市生态环境质量明显改善。', '',
      '第二章 主要任务', '', '第一节 持续改善大气环境质量', '',
      '强化工业源治理。实施钢铁行业超低排放改造，2025年底前完成全部改造任务。', '',
      '加强移动源污染防治。推广新能源汽车，淘汰国三及以下排放标准营运柴油货车。', '',
      '第二节 巩固提升水环境质量', '',
      '推进城镇污水处理提质增效。新建污水管网200公里，城市生活污水集中收集率达到70%以上。', '',
    ].join('\n');
    const before = await extract(plan);
    const after = await extract(replaceOnce(plan, '第一节 持续改善大气环境质量\n\n', '第一节 持续改善大气环境质量\n\n深化重污染天气应对。完善重污染天气应急预案，落实应急减排清单。\n\n'));
    const titles = (r: ExtractedDocument) => new Map(r.records.tasks.map((t) => [t.title, t.id]));
    const b = titles(before);
    const a = titles(after);
    expect([...b.keys()]).toEqual(['强化工业源治理', '加强移动源污染防治', '推进城镇污水处理提质增效']);
    for (const [title, id] of b) expect(a.get(title)).toBe(id);
    expect(a.size).toBe(4);
    expect(ids(after, 'targets')).toEqual(ids(before, 'targets')); // 200 公里, 70% belong to an untouched task
  });

  it('is idempotent, keeps ids unique and rewrites every reference', async () => {
    const r = await extract(SEED004);
    const snapshot = JSON.stringify(r.records);
    expect(stabilizeRecords('doc', r.records).size).toBe(0);
    expect(JSON.stringify(r.records)).toBe(snapshot);
    const all = Object.values(r.records).flat().map((x) => (x as { id?: string }).id).filter((x): x is string => !!x && !x.startsWith('agency:'));
    expect(new Set(all).size).toBe(all.length);
    const tasks = new Set(ids(r, 'tasks'));
    for (const a of r.records.assignments) expect(tasks.has(a.task_id)).toBe(true);
    for (const t of r.records.targets) if (t.task_id) expect(tasks.has(t.task_id)).toBe(true);
    for (const t of r.records.tasks) if (t.parent_id) expect(tasks.has(t.parent_id)).toBe(true);
  });

  it('numbered tasks are keyed by their place in the numbering: 004 task 1. under 二、（一）', async () => {
    const r = await extract(SEED004);
    const t = r.records.tasks.find((x) => x.title === '落实主体功能区战略')!;
    const sec = r.records.sections.find((s) => s.id === t.section_id)!;
    expect(sec.marker).toBe('1.');
    expect(t.id).toBe(`doc:task:${sec.id.slice('doc:sec:'.length)}`);
  });
});

// The tasks stage's pieces called directly on paragraphs a test builds (text written for the test, offsets
// counted by hand): how a paragraph is cut at its clauses, and how the task builder turns pieces, a
// 完成时限 line and clauses into one task record.
import { describe, expect, it } from '@jest/globals';
import { PlanDocument } from '../model/document.js';
import { STAGES } from '../pipeline/stages.js';
import { findClauses } from '../extractors/assignments/clauses.js';
import { cutPieces } from '../extractors/task-pieces.js';
import { TaskBuilder } from '../extractors/task-builder.js';

/** A document of `text` after the stages before the tasks stage (paragraphs and sections made). */
function beforeTasks(text: string): PlanDocument {
  const doc = new PlanDocument('t', { path: 't.txt', format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), text, tables: [], headingHints: [] });
  for (const s of STAGES) {
    if (s.name === 'tasks') return doc;
    s.run(doc);
  }
  throw new Error('no tasks stage');
}

describe('cutting a paragraph at its clauses', () => {
  it('a clause ends a piece, and the text after the last clause is a piece of its own', () => {
    const [p] = beforeTasks('完善社区养老服务设施。（市民政局负责）推动医养结合发展。').paragraphs;
    const cs = findClauses(p.match, p.text);
    // 完善社区养老服务设施。 = 11 characters, （市民政局负责） = 8, 推动医养结合发展。 = 9
    expect(cs.map((c) => [c.start, c.end])).toEqual([[11, 19]]);
    const cut = cutPieces(p, 0, cs, false);
    expect(cut.pieces.map((x) => [x.a, x.b, x.cs.length])).toEqual([[0, 19, 1], [19, 28, 0]]);
    expect(cut.deadline).toBeNull();
  });

  it('a deadline label after a label clause is the deadline of the task, not a piece', () => {
    const [p] = beforeTasks('建设城市应急避难场所。责任单位：市应急管理局完成时限：2024年12月底前').paragraphs;
    const cs = findClauses(p.match, p.text);
    // 建设城市应急避难场所。 = 11, 责任单位：市应急管理局 = 11, 完成时限：2024年12月底前 = 15
    expect(cs.map((c) => c.text)).toEqual(['责任单位：市应急管理局']);
    const cut = cutPieces(p, 0, cs, false);
    expect(cut.pieces.map((x) => [x.a, x.b])).toEqual([[0, 37]]);
    expect(cut.deadline).toBe('完成时限：2024年12月底前');
  });

  it('a duty line of a 职责分工 section is one piece whatever its clauses', () => {
    const [p] = beforeTasks('完善社区养老服务设施。（市民政局负责）推动医养结合发展。').paragraphs;
    const cs = findClauses(p.match, p.text);
    expect(cutPieces(p, 0, cs, true).pieces.map((x) => [x.a, x.b, x.cs.length])).toEqual([[0, 28, 1]]);
  });
});

describe('the task builder', () => {
  it('gathers text without clauses, the clauses, and deadlines from text, label line and clause', () => {
    const doc = beforeTasks('推进老旧小区改造。2024年底前完成改造120个小区。（市住房城乡建设局牵头，各区人民政府落实）\n完成时限：2025年6月底前\n');
    const [p0, p1] = doc.paragraphs;
    const b = new TaskBuilder(doc, new Map());
    b.open(p0, 0, 'lead_sentence', undefined, '推进老旧小区改造', false);
    const cs = findClauses(p0.match, p0.text);
    b.add(p0, 0, p0.text.length, cs);
    b.addDeadlineLine(p1);
    b.close();
    expect(b.current).toBeNull();
    expect(doc.records.tasks).toHaveLength(1);
    const t = doc.records.tasks[0];
    expect(t).toMatchObject({
      title: '推进老旧小区改造', parent_id: null, marker: null, source_kind: 'lead_sentence',
      text: '推进老旧小区改造。2024年底前完成改造120个小区。',
      assignment_text: '（市住房城乡建设局牵头，各区人民政府落实）',
    });
    // the year in the text first, then the label line's (with its month)
    expect(t.deadlines).toEqual([{ text: '2024年底前', year: 2024 }, { text: '2025年6月底前', year: 2025, month: 6 }]);
    // the span covers the text pieces (48 characters), not the label line after them
    expect([t.span.start, t.span.end, t.line]).toEqual([0, 48, 1]);
    expect(b.ranges.map((r) => [r.para, r.start, r.end])).toEqual([[0, 0, 48], [1, 0, 14]]);
    expect(b.clauses.map((c) => c.taskId)).toEqual([t.id]);
  });

  it('numbers unnumbered tasks within their section, and an empty 完成时限 label states no deadline', () => {
    const doc = beforeTasks('开展燃气管道隐患排查。\n完成时限：\n整治餐饮场所燃气安全。\n');
    const [p0, p1, p2] = doc.paragraphs;
    const b = new TaskBuilder(doc, new Map());
    b.open(p0, 0, 'lead_sentence', undefined, '开展燃气管道隐患排查', false);
    b.add(p0, 0, p0.text.length, []);
    b.addDeadlineLine(p1);
    b.open(p2, 0, 'lead_sentence', undefined, '整治餐饮场所燃气安全', false);
    b.add(p2, 0, p2.text.length, []);
    b.close();
    const [t1, t2] = doc.records.tasks;
    expect([t1.id.endsWith('top.t1'), t2.id.endsWith('top.t2')]).toEqual([true, true]);
    expect([t1.deadlines, t1.assignment_text, t2.text]).toEqual([[], null, '整治餐饮场所燃气安全。']);
  });
});

describe("a label clause after the task's full stop", () => {
  it('leaves the task one full stop, not the one closing the clause too', async () => {
    const { extractString } = await import('./helpers.js');
    const r = await extractString([
      '某区2025年城市更新工作要点', '一、重点任务',
      '1.推进旧区改造。完成零星旧改2万平方米。牵头单位：区旧改办；配合单位：区房管局、区规划资源局。',
      '2.加快城中村改造（牵头单位：区建设管理委）。',
      '3.实施“美丽街区”建设。（责任单位：区绿化市容局）。', '',
    ].join('\n'));
    expect(r.records.tasks.map((t) => t.text)).toEqual(['推进旧区改造。完成零星旧改2万平方米。', '加快城中村改造。', '实施“美丽街区”建设。']);
  });
});

// A sentence that opens with its responsibility clause before saying what is to be done (`由A牵头，B配合，
// 完成…`, `A、B按职责分工负责，…`): the clause's agencies are the task's, the rest of the sentence is its text.
// Sentences written for the test in the genre's style.
import { describe, expect, it } from '@jest/globals';
import { findClauses, type Clause } from '../extractors/assignments/clauses.js';
import { foldString } from '../model/normalize.js';
import { extractString } from './helpers.js';

const clauses = (s: string): Clause[] => findClauses(foldString(s), s);
const rows = (cs: Clause[]) => cs.flatMap((c) => c.entries.map((e) => [e.role, e.agency]));

describe('the clause that opens a sentence', () => {
  it('由A牵头，B、C配合，…: lead and participants; the clause ends before the action and governs the sentence', () => {
    const s = '（三）提升绿化水平。由县林业局牵头，县住建局、县城管局配合，新增城市绿地5万平方米。';
    const cs = clauses(s);
    expect(rows(cs)).toEqual([['lead', '县林业局'], ['participate', '县住建局'], ['participate', '县城管局']]);
    expect(cs[0].text).toBe('由县林业局牵头，县住建局、县城管局配合');
    expect(s.slice(cs[0].governsTo!)).toBe('。');
  });

  it('A、B按职责分工负责，…: both responsible', () => {
    expect(rows(clauses('县文旅局、县自然资源局按职责分工负责，2025年底前完成历史建筑保护名录编制。'))).toEqual([
      ['responsible', '县文旅局'], ['responsible', '县自然资源局'],
    ]);
  });

  it('a subject before 由 stays the task\'s: 社区养老服务设施建设由区民政局牵头，区财政局配合，…', () => {
    const cs = clauses('社区养老服务设施建设由区民政局牵头，区财政局配合，年内新增日间照料中心3家。');
    expect(rows(cs)).toEqual([['lead', '区民政局'], ['participate', '区财政局']]);
    expect(cs[0].text).toBe('由区民政局牵头，区财政局配合');
  });

  it('principles and mechanisms are no clause: 坚持政府牵头，部门协同，…; 由房产部门牵头 without a named body', () => {
    expect(clauses('坚持政府牵头，部门协同，社会参与，形成工作合力。')).toEqual([]);
    expect(clauses('建立市级统筹、部门协作、属地落实的工作机制，由行业主管部门牵头，加快出台制度规范。')).toEqual([]);
  });

  it('through the pipeline: one task per item, its text the action, the clause its assignment text', async () => {
    const r = await extractString('某县2025年县城建设工作方案\n\n一、重点任务\n\n（一）提升绿化水平。由县林业局牵头，县住建局、县城管局配合，新增城市绿地5万平方米。\n\n（二）加强历史文化保护。县文旅局、县自然资源局按职责分工负责，2025年底前完成保护名录编制。\n');
    expect(r.records.tasks.map((t) => [t.title, t.text, t.assignment_text, t.deadlines.map((d) => d.year)])).toEqual([
      ['提升绿化水平', '提升绿化水平。新增城市绿地5万平方米。', '由县林业局牵头，县住建局、县城管局配合', []],
      ['加强历史文化保护', '加强历史文化保护。2025年底前完成保护名录编制。', '县文旅局、县自然资源局按职责分工负责', [2025]],
    ]);
    expect(r.records.assignments).toHaveLength(5);
    expect(r.records.targets.map((t) => [t.value, t.unit, t.task_id === r.records.tasks[0].id])).toEqual([[5, '万平方米', true]]);
  });
});

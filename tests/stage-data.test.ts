// Stages hand data to later stages through typed slots (model/stage-data.ts); the stage list is checked when
// it is built, and a stage can be run alone on input a test puts in its slots.
import { describe, expect, it } from '@jest/globals';
import { PlanDocument } from '../model/document.js';
import { MissingStageData, Slot, checkStageOrder } from '../model/stage-data.js';
import { STAGES } from '../pipeline/stages.js';
import { SECTION_CLASSES, TASK_CLAUSES, TASK_RANGES } from '../extractors/tasks.js';
import { findClauses } from '../extractors/assignments/clauses.js';
import { extractAssignments } from '../extractors/assignments/index.js';
import { extractTargets } from '../extractors/targets.js';

const docOf = (text: string) =>
  new PlanDocument('t', { path: 't.txt', format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), text, tables: [], headingHints: [] });

/** The document after the stages before `name`, as the pipeline would leave it. */
function before(name: string, text: string): PlanDocument {
  const doc = docOf(text);
  for (const s of STAGES) {
    if (s.name === name) return doc;
    s.run(doc);
  }
  throw new Error(`no stage ${name}`);
}

describe('stage order', () => {
  it('the pipeline\'s own list passes its check, and every slot read is written earlier', () => {
    expect(() => checkStageOrder([...STAGES])).not.toThrow();
    const reads = STAGES.flatMap((s) => (s.reads ?? []).map((r) => r.name));
    expect(new Set(reads)).toEqual(new Set(['table regions', 'task clauses', 'section classes', 'task ranges', 'built tables']));
  });

  it('a stage moved before the stage it reads from is refused when the list is built, naming both', () => {
    const list = [...STAGES];
    const i = list.findIndex((s) => s.name === 'tasks');
    const j = list.findIndex((s) => s.name === 'assignments');
    [list[i], list[j]] = [list[j], list[i]];
    expect(() => checkStageOrder(list)).toThrow('stage "assignments" reads "task clauses", which stage "tasks" writes only later');
  });

  it('a slot no stage writes is named', () => {
    const orphan = new Slot<number[]>('orphan counts');
    expect(() => checkStageOrder([{ name: 'a', run: () => 0, reads: [orphan] }])).toThrow('stage "a" reads "orphan counts", which no stage writes');
  });

  it('a stage run without its input throws MissingStageData instead of returning nothing', () => {
    const doc = before('assignments', '1. 加强河湖管护。（市水务局牵头）');
    const fresh = docOf('1. 加强河湖管护。（市水务局牵头）');
    expect(() => extractAssignments(fresh)).toThrow(MissingStageData);
    expect(() => extractTargets(fresh)).toThrow('stage data "section classes" was read before the stage that makes it ran');
    expect([doc.data.has(TASK_CLAUSES), fresh.data.has(TASK_CLAUSES)]).toEqual([true, false]);
  });
});

describe('a stage given its input directly', () => {
  it('assignments from clauses a test puts in the slot, without the tasks stage', () => {
    // everything up to the tasks stage, then a hand-made hand-off: one clause of the paragraph, one task id
    const doc = before('tasks', '推进农村供水保障工程建设。（县水利局牵头，县财政局、县卫生健康局配合）');
    const para = doc.paragraphs[0];
    const clauses = findClauses(para.match, para.text);
    expect(clauses).toHaveLength(1);
    doc.data.put(TASK_CLAUSES, clauses.map((clause) => ({ taskId: 't:task:x', para, clause })));
    const out = extractAssignments(doc);
    expect(out.map((a) => [a.task_id, a.agency, a.role])).toEqual([
      ['t:task:x', '县水利局', 'lead'],
      ['t:task:x', '县财政局', 'participate'],
      ['t:task:x', '县卫生健康局', 'participate'],
    ]);
  });

  it('targets outside any task when the task ranges given are empty', () => {
    const doc = before('tasks', '（二）主要目标\n到2027年，全县森林覆盖率达到62%。');
    doc.data.put(SECTION_CLASSES, new Map());
    doc.data.put(TASK_RANGES, []);
    const [t] = extractTargets(doc);
    expect([t.value, t.unit, t.year, t.task_id]).toEqual([62, '%', 2027, null]);
  });
});

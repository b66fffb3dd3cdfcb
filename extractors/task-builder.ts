/**
 * The task being written: the tasks stage decides, paragraph piece by piece, whether a piece opens a new
 * task, continues the open one, or ends it; this module keeps the bookkeeping of those three moves in one
 * place (ids, parent task, pieces of text and their clauses, deadlines, the span from first to last piece),
 * so the stage's decisions read as decisions and not as state juggling.
 */
import type { Paragraph, PlanDocument } from '../model/document.js';
import type { SectionRecord, TaskRecord } from '../schemas/records.js';
import type { Clause } from './assignments/clauses.js';
import { clauseDeadline } from './assignments/clause-deadline.js';
import { findDeadlines, labelDeadline } from './deadlines.js';

/** A responsibility clause of a task paragraph, with its task: what the assignments stage reads. */
export interface TaskClause {
  taskId: string;
  para: Paragraph;
  clause: Clause;
}
/** Where a piece of a task's text lies in its paragraph: the targets stage ties a target to its task by it. */
export interface TaskRange {
  para: number;
  start: number;
  end: number;
  taskId: string;
}

/** The task still taking text: its record, and what it has gathered so far. */
export interface OpenTask {
  rec: TaskRecord;
  sectionId: string | null;
  kind: NonNullable<TaskRecord['source_kind']>;
  texts: string[];
  clauses: Clause[];
  /** how many of `clauses` its heading line wrote (`（一）推进公厕改造（责任单位：A）`): they end no body text */
  headingClauses: number;
  first: { p: Paragraph; i: number };
  last: { p: Paragraph; j: number };
  deadlineTexts: string[];
}

/** One deadline of a task before it is stored (month null when the text names none). */
interface FoundDeadline {
  text: string;
  year: number | null;
  month: number | null;
}

export class TaskBuilder {
  /** every clause added to a task, in order */
  readonly clauses: TaskClause[] = [];
  /** every piece of paragraph text given to a task, in order */
  readonly ranges: TaskRange[] = [];
  /** the numbered task of a section (for the parent of the tasks below it) */
  private readonly taskOfSection = new Map<string, string>();
  /** unnumbered tasks made so far per section key (they are numbered `.t1`, `.t2`… in their section) */
  private readonly counters = new Map<string, number>();
  private cur: OpenTask | null = null;

  constructor(
    private readonly doc: PlanDocument,
    private readonly byId: Map<string, SectionRecord>,
  ) {}

  /** The open task, if any. */
  get current(): OpenTask | null {
    return this.cur;
  }

  /**
   * Close the open task and open a new one at paragraph `p`, offset `i`. A numbered task takes its
   * section's marker and id and is the parent of the tasks below its section; an unnumbered one is
   * counted within its section and hangs under the nearest numbered task above or at its section.
   * `title` is stored as given (the caller trims it).
   */
  open(p: Paragraph, i: number, kind: OpenTask['kind'], sec: SectionRecord | undefined, title: string, numbered: boolean): OpenTask {
    this.close();
    const sid = sec ? sec.id : null;
    let key = this.sectionKey(sid);
    if (!numbered) {
      const n = (this.counters.get(key) ?? 0) + 1;
      this.counters.set(key, n);
      key = `${key}.t${n}`;
    }
    const doc = this.doc;
    const rec: TaskRecord = {
      id: doc.makeId('task', key), doc_id: doc.docId, section_id: sid,
      parent_id: numbered ? this.parentTask(sec, false) : this.parentTask(sec, true),
      marker: numbered && sec ? sec.marker : null, ordinal: numbered && sec ? sec.ordinal : null,
      title, text: '', assignment_text: null, deadlines: [],
      span: { start: 0, end: 0 }, line: 1, source_kind: kind,
    };
    doc.records.tasks.push(rec);
    if (numbered && sid) this.taskOfSection.set(sid, rec.id);
    this.cur = { rec, sectionId: sid, kind, texts: [], clauses: [], headingClauses: 0, first: { p, i }, last: { p, j: p.text.length }, deadlineTexts: [] };
    return this.cur;
  }

  /**
   * Add paragraph piece [a, b) to the open task: its text without the clauses `cs` (with them when
   * `keepClauseText`: a duty line is its clause), the clauses themselves, and the piece's range.
   */
  add(p: Paragraph, a: number, b: number, cs: Clause[], keepClauseText = false): void {
    const cur = this.cur;
    if (!cur) return;
    let text = '';
    let at = a;
    for (const c of cs) {
      if (keepClauseText) continue;
      text += p.text.slice(at, c.start);
      at = c.end;
      // a clause opening its sentence leaves the comma that joined it to what it governs
      if (c.governsTo !== undefined) while (at < b && /[，,\s]/.test(p.text[at])) at++;
      // `建设物流枢纽。牵头单位：A；责任单位：B。`: the text before the clause has its full stop already, so
      // the one closing the clause is not the task's (the task read `建设物流枢纽。。`)
      if (/[。；;！？]\s*$/.test(text)) while (at < b && /[。；;，,\s]/.test(p.text[at])) at++;
    }
    text += p.text.slice(at, b);
    cur.texts.push(text.trim());
    for (const c of cs) {
      cur.clauses.push(c);
      this.clauses.push({ taskId: cur.rec.id, para: p, clause: c });
    }
    this.ranges.push({ para: p.index, start: a, end: b, taskId: cur.rec.id });
    if (b > a) cur.last = { p, j: b };
  }

  /** A `完成时限：…` line: the deadline of the open task (the whole line is its range); none open, dropped. */
  addDeadlineLine(p: Paragraph): void {
    const cur = this.cur;
    if (!cur) return;
    cur.deadlineTexts.push(p.text);
    this.ranges.push({ para: p.index, start: 0, end: p.text.length, taskId: cur.rec.id });
  }

  /** Finish the open task: its text, assignment text, deadlines and span, from what it gathered. */
  close(): void {
    const cur = this.cur;
    if (!cur) return;
    const t = cur.rec;
    t.text = cur.texts.filter((x) => x).join('\n');
    t.assignment_text = cur.clauses.length ? cur.clauses.map((c) => c.text).join('\n') : null;
    const seen = new Set<string>();
    for (const d of taskDeadlines(t.text, cur)) {
      if (seen.has(d.text)) continue;
      seen.add(d.text);
      t.deadlines.push(d.month ? d : { text: d.text, year: d.year });
    }
    const at = this.doc.spanOf(cur.first.p.map[cur.first.i], cur.last.p.map[cur.last.j - 1] + 1);
    t.span = at.span;
    t.line = at.line;
    if (at.page !== undefined) t.page = at.page;
    this.cur = null;
  }

  /** The id part of a section (`top` outside any): task ids are built on it. */
  private sectionKey(id: string | null): string {
    return id ? id.slice(`${this.doc.docId}:sec:`.length) : 'top';
  }

  /** The nearest numbered task at (`self`) or above section `s`. */
  private parentTask(s: SectionRecord | undefined, self: boolean): string | null {
    const byId = this.byId;
    for (let x = self ? s : s?.parent_id ? byId.get(s.parent_id) : undefined; x; x = x.parent_id ? byId.get(x.parent_id) : undefined) {
      const t = this.taskOfSection.get(x.id);
      if (t) return t;
    }
    return null;
  }
}

/**
 * A task's deadlines in the order they are kept (duplicates by text dropped by the caller): those in its
 * text, then those of its `完成时限：` lines (an empty label states none), then those its clauses carry.
 */
function taskDeadlines(text: string, cur: OpenTask): FoundDeadline[] {
  const inText = findDeadlines(text).map((d) => ({ text: d.text, year: d.year, month: d.month ?? null }));
  const labelled = cur.deadlineTexts.flatMap((x) => {
    const d = labelDeadline(x);
    return d ? [{ text: d.text, year: d.year, month: d.month ?? null }] : [];
  });
  const ofClauses = cur.clauses.flatMap((c) => (c.deadlines ?? []).map(clauseDeadline));
  return [...inText, ...labelled, ...ofClauses];
}

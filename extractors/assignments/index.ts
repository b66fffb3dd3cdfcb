/**
 * Assignments stage: the clauses the tasks stage attached to tasks become (task, agency, role) records,
 * and every agency named becomes an agency record (document-independent id, see agencies.ts).
 * Document-level conventions are applied in document order:
 *  - `以下均需X落实，不再一一列出`, `各项工作均需X组织，Y落实，以下不再列出`: X (and Y) implement every later
 *    clause that names no implementer itself, and the stating clause when it names none;
 *  - `（排在第一为牵头单位，下同）`: the first unit of a 责任单位 list is the lead, here and in later lists.
 * What did not parse becomes an `unparsed-assignment` diagnostic at the clause, never a silent drop.
 */
import type { PlanDocument } from '../../model/document.js';
import type { AssignmentRecord } from '../../schemas/records.js';
import { TASK_CLAUSES, type TaskClause } from '../tasks.js';
import { AgencyRegistry } from './agencies.js';
import type { ClauseEntry } from './clause-types.js';

const STAGE = 'assignments';

export function extractAssignments(doc: PlanDocument): AssignmentRecord[] {
  const registry = new AgencyRegistry(doc.meta.region, doc.options.agencyAliases ?? {}, doc.docId);
  const out = doc.records.assignments;
  const items = doc.data.get(TASK_CLAUSES);
  let carried: Array<{ entry: ClauseEntry; item: TaskClause }> = [];
  let firstLeadSticky = false;
  const ordinals = new Map<string, number>();
  const carriedTo = new Set<string>();

  const emit = (item: TaskClause, e: ClauseEntry) => {
    const key = `${item.taskId}|${e.role}`;
    const ordinal = (ordinals.get(key) ?? 0) + 1;
    ordinals.set(key, ordinal);
    const at = doc.paraSpan(item.para, e.start, e.end);
    out.push({
      id: doc.makeId('asg', `${item.taskId.slice(doc.docId.length + 1)}.${e.role}${ordinal}`),
      doc_id: doc.docId,
      task_id: item.taskId,
      role: e.role,
      role_text: e.roleText,
      agency: e.agency,
      agency_id: registry.add(e.agency),
      ordinal,
      span: at.span,
      line: at.line,
      ...(at.page !== undefined ? { page: at.page } : {}),
    });
  };

  for (const item of items) {
    const c = item.clause;
    const at = doc.paraSpan(item.para, c.start, c.end);
    for (const problem of c.problems) {
      doc.diag(STAGE, 'warning', 'unparsed-assignment', `${problem} in "${c.text}"`, at);
    }
    if (!c.entries.length && !c.carry.length && !c.problems.length) {
      doc.diag(STAGE, 'warning', 'unparsed-assignment', `no agency found in "${c.text}"`, at);
    }
    if (c.firstIsLead === 'sticky') firstLeadSticky = true;
    let entries = c.entries;
    if (c.firstIsLead || firstLeadSticky) {
      // only a 责任单位-style list (every unit `responsible`) has a "first unit leads" reading
      if (entries.length > 1 && entries.every((e) => e.role === 'responsible')) {
        entries = entries.map((e, i) => (i === 0 ? { ...e, role: 'lead' as const, roleText: `${e.roleText}（排在第一为牵头单位）` } : e));
      }
    }
    for (const e of entries) emit(item, e);
    // a note holds from the clause that states it: `各项工作均需市（州）人民政府组织，…以下不再列出` is this
    // task's implementer too, unless the clause names its own (`各市、县人民政府负责落实。以下均需…`)
    if (c.carry.length) carried = c.carry.map((entry) => ({ entry, item }));
    // (once per task: a task's 牵头单位 and 责任单位 lines are two clauses)
    if (carried.length && !entries.some((e) => e.role === 'implement') && c.style !== 'duty' && !carriedTo.has(item.taskId)) {
      carriedTo.add(item.taskId);
      for (const k of carried) emit({ ...item, para: k.item.para }, k.entry);
    }
  }
  doc.records.agencies.push(...registry.records());
  return out;
}

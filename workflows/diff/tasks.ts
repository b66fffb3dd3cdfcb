/**
 * Tasks matched by content (identical text, then the same id when still similar, then the most similar
 * text), and for each matched pair what changed: its words, its numbering, who leads or joins it, its
 * deadlines, its targets, the section it sits in.
 */
import type { AssignmentRecord, TargetRecord, TaskRecord } from '../../schemas/records.js';
import type { DocRecords } from '../../output/load-dataset.js';
import type { DocDiff, TaskChangeItem, TaskRef } from './types.js';
import { changedExcerpt, matchItems, normText } from './similarity.js';
import type { SectionDiffResult } from './sections.js';

const taskRef = (t: TaskRecord): TaskRef => ({ id: t.id, marker: t.marker, title: t.title, line: t.line });

function groupBy<T>(list: T[], key: (r: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of list) {
    const k = key(r);
    if (k === null) continue;
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export function targetValue(t: Pick<TargetRecord, 'comparator' | 'value' | 'unit' | 'year'>): string {
  return `${t.comparator} ${t.value}${t.unit ? ` ${t.unit}` : ''}${t.year !== null ? ` (${t.year})` : ''}`;
}

/** Agency identity across runs: the canonical agency id when there is one, else the name as written. */
const agencyKey = (a: AssignmentRecord) => a.agency_id || `agency:${a.agency}`;
const agencyName = (a: AssignmentRecord) => (a.agency_id?.startsWith('agency:') ? a.agency_id.slice(7) : a.agency);

function assignmentChanges(olds: AssignmentRecord[], news: AssignmentRecord[]): TaskChangeItem[] {
  const out: TaskChangeItem[] = [];
  const o = groupBy(olds, agencyKey);
  const n = groupBy(news, agencyKey);
  const keys = [...new Set([...o.keys(), ...n.keys()])];
  // order: as the agencies appear in the new clause, then those only in the old one
  const pos = (k: string) => {
    const i = news.findIndex((a) => agencyKey(a) === k);
    return i >= 0 ? i : news.length + olds.findIndex((a) => agencyKey(a) === k);
  };
  keys.sort((a, b) => pos(a) - pos(b));
  for (const k of keys) {
    const or = [...new Set((o.get(k) ?? []).map((a) => a.role))].sort();
    const nr = [...new Set((n.get(k) ?? []).map((a) => a.role))].sort();
    const name = agencyName((n.get(k) ?? o.get(k)!)[0]);
    const gone = or.filter((r) => !nr.includes(r));
    const come = nr.filter((r) => !or.includes(r));
    if (gone.length === 1 && come.length === 1 && or.length && nr.length) {
      out.push({ kind: 'role_changed', agency: name, old: gone[0], new: come[0] });
      continue;
    }
    for (const r of come) out.push({ kind: 'assignment_added', agency: name, role: r });
    for (const r of gone) out.push({ kind: 'assignment_removed', agency: name, role: r });
  }
  return out;
}

function targetChanges(olds: TargetRecord[], news: TargetRecord[]): TaskChangeItem[] {
  const out: TaskChangeItem[] = [];
  const m = matchItems(olds, news, {
    exact: (t) => `${normText(t.metric)}\u0001${targetValue(t)}`,
    text: (t) => t.metric,
    threshold: 0.5,
  });
  // exact-key pairs are unchanged; a pair by metric with a different value is a change
  for (const p of m.pairs) {
    const a = targetValue(p.old);
    const b = targetValue(p.new);
    if (a !== b) out.push({ kind: 'target_changed', metric: p.new.metric, old: a, new: b });
  }
  for (const t of m.added) out.push({ kind: 'target_added', metric: t.metric, value: targetValue(t) });
  for (const t of m.removed) out.push({ kind: 'target_removed', metric: t.metric, value: targetValue(t) });
  return out;
}

function deadlineChanges(a: TaskRecord, b: TaskRecord): TaskChangeItem[] {
  const out: TaskChangeItem[] = [];
  const key = (d: TaskRecord['deadlines'][number]) => `${normText(d.text)}\u0001${d.year}`;
  const left = a.deadlines.map(key);
  const right = b.deadlines.map(key);
  const rest = right.slice();
  for (let i = 0; i < left.length; i++) {
    const j = rest.indexOf(left[i]);
    if (j >= 0) rest.splice(j, 1);
    else out.push({ kind: 'deadline_removed', text: a.deadlines[i].text, year: a.deadlines[i].year });
  }
  for (let i = 0; i < right.length; i++) {
    const k = left.indexOf(right[i]);
    if (k < 0) out.push({ kind: 'deadline_added', text: b.deadlines[i].text, year: b.deadlines[i].year });
  }
  return out;
}

export function diffTasks(oldDoc: DocRecords, newDoc: DocRecords, sections: SectionDiffResult, localId: (id: string) => string): DocDiff['tasks'] {
  const m = matchItems(oldDoc.tasks, newDoc.tasks, {
    exact: (t) => `${normText(t.title)}\u0001${normText(t.text)}`,
    text: (t) => `${t.title}${t.text}`,
    id: (t) => localId(t.id),
    threshold: 0.6,
    idThreshold: 0.4,
  });
  const oa = groupBy(oldDoc.assignments, (a) => a.task_id);
  const na = groupBy(newDoc.assignments, (a) => a.task_id);
  const ot = groupBy(oldDoc.targets, (t) => t.task_id);
  const nt = groupBy(newDoc.targets, (t) => t.task_id);

  const changed: DocDiff['tasks']['changed'] = [];
  const idsChanged: DocDiff['tasks']['ids_changed'] = [];
  let unchanged = 0;
  for (const { old: a, new: b } of m.pairs) {
    if (localId(a.id) !== localId(b.id)) idsChanged.push({ old: a.id, new: b.id });
    const changes: TaskChangeItem[] = [];
    if (normText(a.marker) !== normText(b.marker)) changes.push({ kind: 'marker', old: a.marker, new: b.marker });
    if (normText(a.title) !== normText(b.title)) {
      const e = changedExcerpt(a.title, b.title);
      changes.push({ kind: 'title', old: e.old, new: e.new });
    }
    if (normText(a.text) !== normText(b.text)) {
      const e = changedExcerpt(a.text, b.text);
      changes.push({ kind: 'text', old: e.old, new: e.new });
    }
    const asg = assignmentChanges(oa.get(a.id) ?? [], na.get(b.id) ?? []);
    changes.push(...asg);
    if (!asg.length && normText(a.assignment_text) !== normText(b.assignment_text)) {
      changes.push({ kind: 'assignment_text', old: a.assignment_text, new: b.assignment_text });
    }
    changes.push(...deadlineChanges(a, b));
    changes.push(...targetChanges(ot.get(a.id) ?? [], nt.get(b.id) ?? []));
    // moved: the section it sat in became another section than the one it sits in now
    const became = a.section_id ? sections.map.get(a.section_id) : null;
    if (became !== undefined && (became ?? null) !== (b.section_id ?? null)) {
      changes.push({ kind: 'moved', from: sections.oldPath(a.section_id), to: sections.newPath(b.section_id) });
    }
    if (changes.length) changed.push({ old: taskRef(a), new: taskRef(b), changes });
    else unchanged++;
  }
  return { added: m.added.map(taskRef), removed: m.removed.map(taskRef), changed, unchanged, ids_changed: idsChanged };
}

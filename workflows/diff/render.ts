/**
 * Human-readable diff: one block per document pair, one line per change, `+` added, `-` removed,
 * `~` changed, `>` moved; line numbers are those of the new version (of the old one for removals).
 * Changed stretches of text are shown between ‹ › with a little context.
 */
import type { DiffReport, DocDiff, RecordDiff, TaskChangeItem, TaskRef } from './types.js';

const ROLE: Record<string, string> = { lead: 'lead 牵头', participate: 'participate 参加', implement: 'implement 落实', responsible: 'responsible 负责' };
const role = (r: string) => ROLE[r] ?? r;

function task(t: TaskRef): string {
  const marker = t.marker ? `${t.marker} ` : '';
  return `${marker}${t.title} (line ${t.line})`;
}

function change(c: TaskChangeItem): string {
  switch (c.kind) {
    case 'title':
      return `title: ${c.old} → ${c.new}`;
    case 'text':
      return `text: ${c.old} → ${c.new}`;
    case 'marker':
      return `renumbered: ${c.old ?? '—'} → ${c.new ?? '—'}`;
    case 'assignment_added':
      return `agency added: ${c.agency} (${role(c.role)})`;
    case 'assignment_removed':
      return `agency removed: ${c.agency} (${role(c.role)})`;
    case 'role_changed':
      return `role changed: ${c.agency} ${role(c.old)} → ${role(c.new)}`;
    case 'assignment_text':
      return `assignment clause: ${c.old ?? '—'} → ${c.new ?? '—'}`;
    case 'deadline_added':
      return `deadline added: ${c.text}`;
    case 'deadline_removed':
      return `deadline removed: ${c.text}`;
    case 'target_added':
      return `target added: ${c.metric} ${c.value}`;
    case 'target_removed':
      return `target removed: ${c.metric} ${c.value}`;
    case 'target_changed':
      return `target changed: ${c.metric} ${c.old} → ${c.new}`;
    case 'moved':
      return `moved: ${c.from} → ${c.to}`;
  }
}

function records(out: string[], label: string, d: RecordDiff): void {
  if (!d.added.length && !d.removed.length && !d.changed.length) return;
  out.push(`  ${label}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged`);
  const at = (l: number | null) => (l !== null ? ` (line ${l})` : '');
  for (const r of d.added) out.push(`    + ${r.name}${at(r.line)}`);
  for (const r of d.removed) out.push(`    - ${r.name}${at(r.line)}`);
  for (const c of d.changed) {
    out.push(`    ~ ${c.new.name}${at(c.new.line)}`);
    for (const f of c.changes) out.push(`        ${f.field}: ${f.old} → ${f.new}`);
  }
}

export function renderDoc(d: DocDiff): string[] {
  const out: string[] = [];
  const names = d.old_doc === d.new_doc ? d.new_doc : `${d.old_doc ?? '—'} → ${d.new_doc ?? '—'}`;
  out.push(`${names}  ${d.title}`);
  if (d.status === 'added') return [...out, '  document added'];
  if (d.status === 'removed') return [...out, '  document removed'];
  if (d.status === 'unchanged') return [...out, '  no changes'];
  const s = d.sections;
  if (s.added.length || s.removed.length || s.renamed.length || s.moved.length) {
    out.push(`  sections: ${s.added.length} added, ${s.removed.length} removed, ${s.renamed.length} renamed, ${s.moved.length} moved`);
    for (const x of s.added) out.push(`    + ${x.path} (line ${x.line})`);
    for (const x of s.removed) out.push(`    - ${x.path} (line ${x.line})`);
    for (const x of s.renamed) out.push(`    ~ ${x.old.marker}${x.old.title} → ${x.new.marker}${x.new.title} (line ${x.new.line})`);
    for (const x of s.moved) out.push(`    > ${x.old.path} → ${x.new.path} (line ${x.new.line})`);
  }
  const t = d.tasks;
  if (t.added.length || t.removed.length || t.changed.length) {
    out.push(`  tasks: ${t.added.length} added, ${t.removed.length} removed, ${t.changed.length} changed, ${t.unchanged} unchanged`);
    for (const x of t.added) out.push(`    + ${task(x)}`);
    for (const x of t.removed) out.push(`    - ${task(x)}`);
    for (const c of t.changed) {
      out.push(`    ~ ${task(c.new)}`);
      for (const x of c.changes) out.push(`        ${change(x)}`);
    }
  }
  records(out, 'indicators', d.indicators);
  records(out, 'projects', d.projects);
  records(out, 'targets outside tasks', d.targets);
  records(out, 'paragraphs outside tasks', d.paragraphs);
  if (t.ids_changed.length) out.push(`  note: ${t.ids_changed.length} matched task(s) have a new id (e.g. ${t.ids_changed[0].old} → ${t.ids_changed[0].new})`);
  return out;
}

export function renderDiff(r: DiffReport): string {
  const out: string[] = [`planx diff ${r.old} ${r.new}`];
  for (const d of r.documents) out.push('', ...renderDoc(d));
  const changed = r.documents.filter((d) => d.status !== 'unchanged').length;
  out.push('', r.differences ? `${r.differences} difference(s) in ${changed} of ${r.documents.length} document(s)` : `no differences in ${r.documents.length} document(s)`);
  return out.join('\n') + '\n';
}

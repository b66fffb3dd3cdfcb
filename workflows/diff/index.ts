/**
 * `planx diff OLD NEW`: what changed between two versions of the same documents. OLD and NEW are each a
 * dataset folder or a single document file (extracted in memory). Documents are paired by doc_id, then
 * by title, then — when one document is left on each side — with each other; records inside a pair are
 * matched by content (see similarity.ts), so a change is reported where it happened even when ids moved.
 */
import { readFileSync } from 'node:fs';
import { extractBytes, docIdFor } from '../../pipeline/run.js';
import { stabilizeRecords } from '../../model/ids.js';
import type { ExtractOptions } from '../../model/document.js';
import { fromExtracted, isDataset, loadDataset, type DocRecords } from '../../output/load-dataset.js';
import type { DiffReport, DocDiff } from './types.js';
import { diffSections } from './sections.js';
import { diffTasks } from './tasks.js';
import { diffIndicators, diffLooseTargets, diffParagraphs, diffProjects } from './records.js';
import { normText } from './similarity.js';

export type { DiffReport, DocDiff } from './types.js';

const emptyRecords = { added: [], removed: [], changed: [], unchanged: 0 };

/** Differences in one document pair (0 = same content). */
export function countDifferences(d: DocDiff): number {
  if (d.status === 'added' || d.status === 'removed') return 1;
  const r = (x: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => x.added.length + x.removed.length + x.changed.length;
  const s = d.sections;
  return s.added.length + s.removed.length + s.renamed.length + s.moved.length + r(d.tasks) + r(d.indicators) + r(d.projects) + r(d.targets) + r(d.paragraphs);
}

export function diffDocuments(a: DocRecords, b: DocRecords): DocDiff {
  const localA = (id: string) => (id.startsWith(a.document.id + ':') ? id.slice(a.document.id.length + 1) : id);
  const localB = (id: string) => (id.startsWith(b.document.id + ':') ? id.slice(b.document.id.length + 1) : id);
  const local = (id: string) => (id.startsWith(a.document.id + ':') ? localA(id) : localB(id));
  const sections = diffSections(a.sections, b.sections, local);
  const tasks = diffTasks(a, b, sections, local);
  // A run-in numbered item is both a section and a task: its retitling is reported once, with the task.
  const retitled = new Set(tasks.changed.filter((c) => c.changes.some((x) => x.kind === 'title')).map((c) => c.new.id));
  const taskSection = new Map(b.tasks.map((t) => [t.id, t.section_id]));
  const sectionsOfRetitled = new Set([...retitled].map((id) => taskSection.get(id)).filter((s): s is string => !!s));
  const runIn = new Set(b.sections.filter((s) => s.run_in).map((s) => s.id));
  sections.diff.renamed = sections.diff.renamed.filter((r) => !(runIn.has(r.new.id) && sectionsOfRetitled.has(r.new.id)));

  const d: DocDiff = {
    old_doc: a.document.id,
    new_doc: b.document.id,
    title: b.document.title || a.document.title,
    status: 'unchanged',
    sections: sections.diff,
    tasks,
    indicators: diffIndicators(a.indicators, b.indicators),
    projects: diffProjects(a.projects, b.projects),
    targets: diffLooseTargets(a.targets, b.targets),
    paragraphs: diffParagraphs(a.blocks, a.tasks, b.blocks, b.tasks),
  };
  d.status = countDifferences(d) ? 'changed' : 'unchanged';
  return d;
}

function onlyOneSide(doc: DocRecords, status: 'added' | 'removed'): DocDiff {
  return {
    old_doc: status === 'removed' ? doc.document.id : null,
    new_doc: status === 'added' ? doc.document.id : null,
    title: doc.document.title,
    status,
    sections: { added: [], removed: [], renamed: [], moved: [], unchanged: 0 },
    tasks: { added: [], removed: [], changed: [], unchanged: 0, ids_changed: [] },
    indicators: emptyRecords, projects: emptyRecords, targets: emptyRecords, paragraphs: emptyRecords,
  };
}

/** Pair documents: same doc_id, then same title, then the last one left on each side. */
export function pairDocuments(olds: DocRecords[], news: DocRecords[]): Array<[DocRecords | null, DocRecords | null]> {
  const left = new Set(olds);
  const pairs: Array<[DocRecords | null, DocRecords | null]> = [];
  const unpairedNew: DocRecords[] = [];
  const take = (pred: (o: DocRecords) => boolean) => {
    for (const o of left) if (pred(o)) {
      left.delete(o);
      return o;
    }
    return null;
  };
  for (const n of news) {
    const o = take((o) => o.document.id === n.document.id);
    if (o) pairs.push([o, n]);
    else unpairedNew.push(n);
  }
  const still: DocRecords[] = [];
  for (const n of unpairedNew) {
    const t = normText(n.document.title);
    const o = t ? take((o) => normText(o.document.title) === t) : null;
    if (o) pairs.push([o, n]);
    else still.push(n);
  }
  if (still.length === 1 && left.size === 1) pairs.push([[...left][0], still.pop()!]), left.clear();
  for (const n of still) pairs.push([null, n]);
  for (const o of left) pairs.push([o, null]);
  return pairs;
}

export function diffDocumentSets(olds: DocRecords[], news: DocRecords[], oldName: string, newName: string): DiffReport {
  const documents = pairDocuments(olds, news).map(([o, n]) => (o && n ? diffDocuments(o, n) : o ? onlyOneSide(o, 'removed') : onlyOneSide(n!, 'added')));
  return { old: oldName, new: newName, documents, differences: documents.reduce((s, d) => s + countDifferences(d), 0) };
}

/** One side of a diff: a dataset folder, or a document file extracted now with stable ids. */
export async function loadSide(path: string, options: ExtractOptions = {}): Promise<DocRecords[]> {
  if (isDataset(path)) return loadDataset(path).documents;
  const r = await extractBytes(path, readFileSync(path), docIdFor(path), options);
  stabilizeRecords(r.document.id, r.records);
  return [fromExtracted(r)];
}

export async function diffPaths(oldPath: string, newPath: string, options: ExtractOptions = {}): Promise<DiffReport> {
  const [a, b] = await Promise.all([loadSide(oldPath, options), loadSide(newPath, options)]);
  return diffDocumentSets(a, b, oldPath, newPath);
}

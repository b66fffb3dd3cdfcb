/**
 * Sections matched by marker + title. Same marker, title and parent title: unchanged. Same title
 * elsewhere or under another marker: moved (renumbered). Same structural id or a similar title with the
 * same marker: renamed. What remains was added or removed.
 */
import type { SectionRecord } from '../../schemas/records.js';
import type { DocDiff, SectionRef } from './types.js';
import { matchItems, normText, similarity } from './similarity.js';

export interface SectionDiffResult {
  diff: DocDiff['sections'];
  /** old section id → the new section it became */
  map: Map<string, string>;
  /** section id → readable path, per side */
  oldPath: (id: string | null) => string;
  newPath: (id: string | null) => string;
}

function pathsOf(sections: SectionRecord[]): (id: string | null) => string {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const memo = new Map<string, string>();
  const label = (s: SectionRecord) => `${s.marker}${s.title}`.trim() || s.marker;
  const path = (id: string | null): string => {
    if (!id) return '(top)';
    const had = memo.get(id);
    if (had !== undefined) return had;
    const s = byId.get(id);
    if (!s) return '(unknown section)';
    memo.set(id, label(s)); // guards a cycle
    const p = s.parent_id && byId.has(s.parent_id) ? `${path(s.parent_id)} › ${label(s)}` : label(s);
    memo.set(id, p);
    return p;
  };
  return path;
}

export function diffSections(olds: SectionRecord[], news: SectionRecord[], localId: (id: string) => string): SectionDiffResult {
  const oldPath = pathsOf(olds);
  const newPath = pathsOf(news);
  const ref = (s: SectionRecord, path: (id: string | null) => string): SectionRef => ({ id: s.id, marker: s.marker, title: s.title, path: path(s.id), line: s.line });
  const pairs: Array<{ old: SectionRecord; new: SectionRecord }> = [];

  // 1. same marker and title (the same id preferred among repeats)
  const first = matchItems(olds, news, {
    exact: (s) => `${normText(s.marker)}\u0001${normText(s.title)}`,
    id: (s) => localId(s.id),
    text: (s) => s.title,
    threshold: 2, // exact keys only
  });
  pairs.push(...first.pairs);
  // 2. same non-empty title under another marker (renumbered)
  const titled = (s: SectionRecord) => normText(s.title) || `\u0002${s.id}`;
  const second = matchItems(first.removed, first.added, { exact: titled, text: (s) => s.title, threshold: 2 });
  pairs.push(...second.pairs);
  // 3. same marker at the same place in the tree, or a similar title: renamed
  const third = matchItems(second.removed, second.added, {
    exact: (s) => `${normText(s.marker)}\u0001${localId(s.id)}`,
    text: (s) => `${s.marker}${s.title}`,
    threshold: 0.6,
  });
  const added = third.added.slice();
  const removed = third.removed.slice();
  for (const p of third.pairs) {
    // same place, nothing in common: one section removed and another added there, not a rename
    if (p.old.title && p.new.title && similarity(p.old.title, p.new.title) < 0.2) {
      removed.push(p.old);
      added.push(p.new);
    } else pairs.push(p);
  }

  const map = new Map<string, string>(pairs.map((p) => [p.old.id, p.new.id]));
  const renamed: DocDiff['sections']['renamed'] = [];
  const moved: DocDiff['sections']['moved'] = [];
  let unchanged = 0;
  for (const p of pairs.sort((a, b) => a.new.span.start - b.new.span.start)) {
    const retitled = normText(p.old.title) !== normText(p.new.title);
    // moved: renumbered, or its parent is not the section its old parent became
    const parentBecame = p.old.parent_id ? map.get(p.old.parent_id) ?? '\u0003' : null;
    const relocated = normText(p.old.marker) !== normText(p.new.marker) || parentBecame !== (p.new.parent_id ?? null);
    if (retitled) renamed.push({ old: ref(p.old, oldPath), new: ref(p.new, newPath) });
    if (relocated) moved.push({ old: ref(p.old, oldPath), new: ref(p.new, newPath) });
    if (!retitled && !relocated) unchanged++;
  }
  return {
    diff: {
      added: added.sort((a, b) => a.span.start - b.span.start).map((s) => ref(s, newPath)),
      removed: removed.sort((a, b) => a.span.start - b.span.start).map((s) => ref(s, oldPath)),
      renamed,
      moved,
      unchanged,
    },
    map,
    oldPath,
    newPath,
  };
}

/**
 * Stable identities (docs/IDS.md). Stages give records ids as they go (`doc.makeId`); this post-pass
 * re-keys every record of one document by the scheme below and rewrites the references between them,
 * so an id depends on what the record *is* (its numbered position, or its own words), never on how many
 * records came before it. Inserting a paragraph into an earlier chapter therefore changes no task id; an
 * edit inside a task changes at most that task's content-derived parts.
 *
 *   sections    <doc>:sec:<path>                 path from the segmenter (`i2.i1`, `c3.s2`), kept as is
 *   footnotes   <doc>:fn:<n>                     footnote number, kept as is
 *   blocks      <doc>:blk:<sec>/<h(text)>
 *   tasks       <doc>:task:<sec>                 a numbered task that is the numbered item <sec>
 *               <doc>:task:<parent>.<ordinal>    a numbered sub-task that has no section of its own
 *               <doc>:task:<sec>/<h(title)>      an unnumbered task (lead sentence, box item, table row…)
 *   assignments <doc>:asg:<task>/<role>/<h(agency_id)>
 *   targets     <doc>:tgt:<task or sec>/<h(metric)>
 *   tables      <doc>:tbl:<sec>/n<number> or <sec>/<h(caption or header)>
 *   indicators  <doc>:ind:<table>/<h(name)>
 *   projects    <doc>:prj:<table>/<h(name)>
 *   agencies    agency:<canonical name>          dataset-wide, untouched here
 *
 * <sec> is the section key (`0` outside any section), h() the first 8 hex digits of the SHA-1 of the
 * NFKC-folded text without blanks. A key seen twice in one document gets `~2`, `~3`… in document order.
 * The pass is idempotent: running it on its own output changes nothing.
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { PlanDocument, Records } from './document.js';

type AnyRecord = { id?: string; [k: string]: unknown };

/** Text as compared for identity: NFKC, no blanks, no final sentence punctuation. */
export function identityText(s: string | null | undefined): string {
  const u = s ?? '';
  // NFKC is the costliest step here and changes nothing in a text of ASCII, CJK ideographs and the
  // punctuation below (none has a compatibility mapping, none composes): skip it for such texts
  const t = (NFKC_STABLE.test(u) ? u : u.normalize('NFKC')).replace(/[\s\u00a0\u3000]+/g, '');
  // trailing sentence punctuation, trimmed by a loop (a `[…]+$` regex is quadratic on long runs)
  let end = t.length;
  while (end > 0 && TRAILING.has(t[end - 1])) end--;
  return t.slice(0, end);
}
// ASCII, 、。《》「」『』【】, ‘’“”—, the CJK Unified Ideographs block (U+F900… compatibility ideographs are not in it)
const NFKC_STABLE = /^[\t\n\r\u0020-\u007e\u3001\u3002\u300a-\u3011\u2018\u2019\u201c\u201d\u2014\u4e00-\u9fff]*$/;
const TRAILING = new Set(['。', '.', ';', '；', ',', '，', ':', '：']);

/** 8 hex digits of SHA-1 of the identity text: short, deterministic, ASCII. */
export function contentHash(s: string | null | undefined): string {
  const key = s ?? '';
  let h = hashCache.get(key);
  if (h === undefined) {
    h = sha1Hex(identityText(key)).slice(0, 8);
    // agency ids, section titles and metrics repeat across records: remembered, within a bounded memory
    if (hashCache.size >= HASH_CACHE_MAX) hashCache.clear();
    hashCache.set(key, h);
  }
  return h;
}
const HASH_CACHE_MAX = 20_000;
const hashCache = new Map<string, string>();

// crypto.hash (Node ≥ 20.12) is a one-shot digest: no Hash object per call, which createHash().update()
// .digest() costs for each of the hundreds of thousands of short texts a large run hashes. Same bytes out.
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;
const sha1Hex = oneShot ? (s: string) => oneShot('sha1', s, 'hex') : (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

/** The key part of `<doc>:<type>:<key>` (everything after the second colon), or null. */
export function keyOf(id: string | null | undefined, docId: string, type: string): string | null {
  if (!id) return null;
  const prefix = `${docId}:${type}:`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : null;
}

/** Records of a document keyed by the stable scheme; returns old id → new id for every id that changed. */
export function stabilizeRecords(docId: string, records: Records): Map<string, string> {
  const used = new Map<string, number>();
  const make = (type: string, key: string): string => {
    const base = `${docId}:${type}:${key}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  };
  const renamed = new Map<string, string>();
  const rename = (r: AnyRecord, id: string) => {
    if (r.id && r.id !== id) renamed.set(r.id, id);
  };

  // Sections and footnotes keep the keys the segmenter and footnote stage gave them (structural already).
  const secKey = (id: string | null | undefined) => keyOf(id, docId, 'sec') ?? '0';
  const sectionById = new Map(records.sections.map((s) => [s.id, s]));

  for (const b of records.blocks) rename(b, make('blk', `${secKey(b.section_id)}/${contentHash(b.text)}`));

  // Tasks: parents before children (a sub-task's key extends its parent's); memoised, cycles broken.
  const taskById = new Map(records.tasks.map((t) => [t.id, t]));
  const taskKey = new Map<string, string>();
  const visiting = new Set<string>();
  const keyFor = (t: Records['tasks'][number]): string => {
    const had = taskKey.get(t.id);
    if (had) return had;
    visiting.add(t.id);
    let key: string;
    const sec = t.section_id ? sectionById.get(t.section_id) : undefined;
    const parent = t.parent_id && !visiting.has(t.parent_id) ? taskById.get(t.parent_id) : undefined;
    if (t.marker && sec && identityText(sec.marker) === identityText(t.marker)) key = secKey(sec.id);
    else if (t.marker && parent) key = `${keyFor(parent)}.${t.ordinal ?? contentHash(t.marker)}`;
    else key = `${secKey(t.section_id)}/${contentHash(t.title || t.text)}`;
    visiting.delete(t.id);
    const id = make('task', key);
    taskKey.set(t.id, id.slice(`${docId}:task:`.length));
    return taskKey.get(t.id)!;
  };
  for (const t of records.tasks) rename(t, `${docId}:task:${keyFor(t)}`);
  const newTaskKey = (oldId: string | null) => (oldId ? taskKey.get(oldId) ?? null : null);

  for (const a of records.assignments) {
    const owner = newTaskKey(a.task_id) ?? `?${contentHash(a.task_id)}`;
    rename(a, make('asg', `${owner}/${a.role}/${contentHash(a.agency_id || a.agency)}`));
  }
  for (const g of records.targets) {
    const owner = newTaskKey(g.task_id) ?? secKey(g.section_id);
    rename(g, make('tgt', `${owner}/${contentHash(g.metric)}`));
  }
  const tableKey = new Map<string, string>();
  for (const t of records.tables) {
    const num = identityText(t.number).replace(/\D+/g, '');
    const what = num ? `n${num}` : contentHash(t.caption ?? t.columns.join('|'));
    const id = make('tbl', `${secKey(t.section_id)}/${what}`);
    tableKey.set(t.id, id.slice(`${docId}:tbl:`.length));
    rename(t, id);
  }
  const ownerTable = (id: string) => tableKey.get(id) ?? `?${contentHash(id)}`;
  for (const i of records.indicators) rename(i, make('ind', `${ownerTable(i.table_id)}/${contentHash(i.name)}`));
  for (const p of records.projects) rename(p, make('prj', `${ownerTable(p.table_id)}/${contentHash(p.name)}`));

  if (renamed.size) rewriteReferences(records, renamed);
  return renamed;
}

/** As a stage: `{ name: 'ids', run: stabilizeIds }`, after every stage that adds records. */
export function stabilizeIds(doc: PlanDocument): Map<string, string> {
  return stabilizeRecords(doc.docId, doc.records);
}

/** Apply old → new to every `id` and every `*_id` field of every record (agency ids are never renamed). */
function rewriteReferences(records: Records, renamed: Map<string, string>): void {
  for (const list of Object.values(records) as AnyRecord[][]) {
    for (const r of list) {
      for (const k of Object.keys(r)) {
        if (k !== 'id' && !k.endsWith('_id')) continue;
        const v = r[k];
        if (typeof v === 'string') {
          const to = renamed.get(v);
          if (to !== undefined) r[k] = to;
        }
      }
    }
  }
}

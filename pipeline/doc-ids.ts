/**
 * Document ids that never move (docs/IDS.md, "Document ids").
 *
 * A document's id comes from its own path, never from the other inputs or their order:
 * - the path relative to the folder argument it was found under (the file name for a file named on the
 *   command line), the same key `--shard` uses (shard.ts);
 * - extension dropped, `/` written `__`, characters unsafe in a file name replaced by `_`, at most 200
 *   bytes: `2021/zj/plan.docx` → `2021__zj__plan`, `c01_bazhong….html` → `c01_bazhong…`;
 * - when that rendering lost information (a character replaced, a `__` of the name's own, a cut), `-` and
 *   8 hex digits of the SHA-256 of the exact relative path follow, so two paths never render alike.
 * Two inputs can still meet on one id only when they share a relative path: the same name under two
 * folder arguments or named twice directly, or one stem in two formats (`plan.txt`, `plan.pdf`). Those,
 * and only those, are told apart by their own paths: the extension (`plan_txt`, `plan_pdf`), then 8 hex
 * digits of the SHA-256 of the resolved path.
 *
 * `--id-from content` keys a document by its bytes instead: `sha256-` and the first 16 hex digits of their
 * SHA-256, so renaming or moving a file keeps its id (identical files are told apart by path as above).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { shardKeys } from './shard.js';

export type IdFrom = 'path' | 'content';
export const ID_FROM: readonly IdFrom[] = ['path', 'content'];

const MAX_BYTES = 200;
/** Characters that may not stand in a file name: C0/C1 controls, line/paragraph separators, bidi overrides (they make a listed name lie), path syntax. */
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g;
const h8 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 8);

/** One path component as it may stand in a file name; `changed` when a character had to go. */
function safeComponent(c: string): { text: string; changed: boolean } {
  const n = c.normalize('NFKC');
  const text = n.replace(UNSAFE, '_').replace(/^\.+/, (m) => '_'.repeat(m.length));
  return { text, changed: text !== c };
}

/** The readable id of a relative path (`/`-separated), with a hash of the path when the rendering is lossy. */
export function idOfRelativePath(rel: string): string {
  const parts = rel.split('/').filter(Boolean);
  if (!parts.length) return 'document';
  const last = parts[parts.length - 1];
  const ext = extname(last);
  parts[parts.length - 1] = ext && ext.length < last.length ? last.slice(0, -ext.length) : last;
  let lossy = false;
  const out = parts.map((p) => {
    const s = safeComponent(p);
    if (s.changed || s.text.includes('__') || s.text === '') lossy = true;
    return s.text || '_';
  });
  let id = out.join('__');
  const cut = cutToBytes(id, MAX_BYTES);
  if (cut !== id) lossy = true;
  id = cut;
  return lossy ? `${id}-${h8(rel)}` : id;
}

/**
 * At most `max` UTF-8 bytes, cut between code points: texts/<doc_id>.txt (with a suffix) must stay under
 * the 255-byte name limit of common file systems, and a cut surrogate pair would not be a name.
 */
export function cutToBytes(s: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (bytes + n > max) break;
    bytes += n;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** `sha256-<16 hex>` of a file's bytes; null when it cannot be read (the batch reports why). */
function contentId(path: string, maxBytes: number): string | null {
  try {
    if (statSync(path).size > maxBytes) return null;
    return `sha256-${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`;
  } catch {
    return null;
  }
}

/**
 * Ids of `files` (as findInputs found them for `args`), in the same order. Linear in the number of files
 * (plus reading each once with `idFrom: 'content'`).
 */
export function documentIds(files: string[], args: string[], opts: { idFrom?: IdFrom; maxBytes?: number } = {}): string[] {
  const keys = shardKeys(files, args);
  const ids = files.map((f, i) => (opts.idFrom === 'content' ? contentId(f, opts.maxBytes ?? Infinity) : null) ?? idOfRelativePath(keys[i]));
  // only inputs that share an id are told apart, each by its own path
  const tell = (pick: (i: number, group: number[]) => string) => {
    const groups = new Map<string, number[]>();
    ids.forEach((id, i) => {
      const k = id.toLowerCase(); // texts/<doc_id>.txt must not collide on case-insensitive file systems
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    });
    for (const members of groups.values()) if (members.length > 1) for (const i of members) ids[i] = pick(i, members);
  };
  const extOf = (i: number) => extname(files[i]).slice(1).replace(UNSAFE, '_');
  // one stem in several formats: the extension tells them apart
  tell((i, group) => (extOf(i) && new Set(group.map((g) => extOf(g).toLowerCase())).size > 1 ? `${ids[i]}_${extOf(i)}` : ids[i]));
  // the path's own bytes (not NFC: on Linux `é.txt` and `e\u0301.txt` are two files)
  tell((i) => `${ids[i]}-${h8(resolve(files[i]).split('\\').join('/'))}`);
  return ids;
}

/**
 * What `--out` may replace. The whole folder is swapped at the end of a run, so planx replaces only a
 * folder it can prove is a planx dataset holding nothing else:
 * - an empty folder, or no folder at all;
 * - a folder whose manifest.json says `tool: "planx"`, has a schema version and lists every file
 *   (`files`), and in which every file is one of those listed (empty folders only where planx makes them).
 * - a dataset of an older planx, which wrote no file list, when every entry has the shape planx gives its
 *   own files (the record .jsonl files, texts/<doc_id>.txt of a document the manifest lists, schemas/*.json,
 *   csv/*.csv, parquet/**.parquet, dataset.sqlite, the cache): a re-run after an upgrade replaces it.
 * Anything else — a folder with a stray manifest.json, a dataset someone added files to — is refused,
 * naming what is in the way.
 *
 * A symlinked `--out` is resolved: the folder it points at is replaced and the link itself is kept.
 * The inputs are checked against `--out` too: an input inside `--out` (or `--out` itself) would be deleted
 * by the swap, so the run is refused before anything is read.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';

/** `--out` names something planx must not replace; the CLI reports it as a usage error (exit 2). */
export class OutFolderError extends Error {
  override name = 'OutFolderError';
}

export const TOOL_NAME = 'planx';

export interface ResolvedOut {
  /** as the user gave it */
  shown: string;
  /** absolute, symlinks resolved: the folder actually replaced */
  real: string;
  /** set when --out is (or goes through) a symlink */
  symlinkNote: string | null;
}

/** The real folder behind `out` (it may not exist yet; its parent's symlinks are resolved then). */
export function resolveOut(out: string): ResolvedOut {
  const abs = resolve(out);
  let real: string;
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    st = null;
  }
  if (st?.isSymbolicLink()) {
    try {
      real = realpathSync(abs);
    } catch {
      throw new OutFolderError(`--out ${out} is a symlink to nothing (${readLinkTarget(abs)}): create its target folder or give another --out`);
    }
  } else {
    // the folder itself is not a link; one of its parents may be
    let parentReal: string;
    try {
      parentReal = realpathSync(dirname(abs));
    } catch {
      parentReal = dirname(abs); // created later (mkdir -p)
    }
    real = join(parentReal, basename(abs));
  }
  const symlinkNote = st?.isSymbolicLink() ? `--out ${out} is a symlink to ${real}: the dataset there is replaced and the link is kept` : null;
  return { shown: out, real, symlinkNote };
}

function readLinkTarget(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return 'a missing target';
  }
}

/** Paths (relative, `/`-separated) of every file below `dir`, and empty folders, lstat-based (links are not followed). */
function listTree(dir: string): { files: string[]; emptyDirs: string[]; links: string[] } {
  const files: string[] = [];
  const emptyDirs: string[] = [];
  const links: string[] = [];
  const walk = (d: string, prefix: string) => {
    const names = readdirSync(d).sort();
    if (!names.length && prefix) emptyDirs.push(prefix.slice(0, -1));
    for (const name of names) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) links.push(prefix + name);
      else if (st.isDirectory()) walk(p, `${prefix}${name}/`);
      else files.push(prefix + name);
    }
  };
  walk(dir, '');
  return { files, emptyDirs, links };
}

/** Folders planx itself creates in a dataset, possibly empty (no documents, no cache entries). */
const OWN_FOLDERS = new Set(['texts', 'schemas', 'csv', 'parquet', '.planx-cache']);

export interface DatasetManifestLike {
  tool?: unknown;
  schema_version?: unknown;
  files?: unknown;
}

/** Why `dir` is not provably a planx dataset holding only its own files; null when it is. */
export function notOnlyADataset(dir: string): string | null {
  const mfile = join(dir, 'manifest.json');
  if (!existsSync(mfile)) return 'it has no manifest.json';
  let m: DatasetManifestLike;
  try {
    m = JSON.parse(readFileSync(mfile, 'utf8')) as DatasetManifestLike;
  } catch {
    return 'its manifest.json is not JSON';
  }
  if (!m || typeof m !== 'object' || m.tool !== TOOL_NAME) {
    if (typeof (m as { tool_version?: unknown })?.tool_version === 'string') return notOnlyAnOlderDataset(dir, m as LegacyManifest);
    return 'its manifest.json was not written by planx';
  }
  if (typeof m.schema_version !== 'string') return 'its manifest.json has no schema version';
  if (!m.files || typeof m.files !== 'object') return 'its manifest.json has no file list';
  const listed = new Set(Object.keys(m.files as object));
  const tree = listTree(dir);
  const unknown = [
    ...tree.files.filter((f) => f !== 'manifest.json' && !listed.has(f)),
    ...tree.links.map((l) => `${l} (a symlink)`),
    ...tree.emptyDirs.filter((d) => !OWN_FOLDERS.has(d) && !d.startsWith('parquet/')).map((d) => `${d}/`),
  ];
  if (unknown.length) {
    const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
    return `it holds ${unknown.length} entr${unknown.length === 1 ? 'y' : 'ies'} planx did not write: ${shown}`;
  }
  return null;
}

interface LegacyManifest {
  schema_version?: unknown;
  inputs?: unknown;
}

/** Top-level files of a dataset written by any planx version (JSONL records, SQLite). */
const OWN_TOP_FILES = /^(?:manifest\.json|(?:documents|sections|blocks|tasks|assignments|agencies|targets|tables|indicators|projects|footnotes|diagnostics)\.jsonl|dataset\.sqlite)$/;

/**
 * A dataset of a planx that wrote no file list: replaceable only when every entry is shaped as planx
 * shapes its own (a text is named after a document the manifest lists), so a user's file is never taken
 * for one of planx's.
 */
function notOnlyAnOlderDataset(dir: string, m: LegacyManifest): string | null {
  if (typeof m.schema_version !== 'string' || !Array.isArray(m.inputs)) return 'its manifest.json (of an older planx) has no schema version or inputs';
  const docIds = new Set(m.inputs.map((i) => (i && typeof i === 'object' ? (i as { doc_id?: unknown }).doc_id : null)).filter((d): d is string => typeof d === 'string'));
  const own = (f: string): boolean => {
    if (OWN_TOP_FILES.test(f)) return true;
    const [top, ...rest] = f.split('/');
    const name = rest.join('/');
    if (top === 'texts') return rest.length === 1 && name.endsWith('.txt') && docIds.has(name.slice(0, -4));
    if (top === 'schemas') return rest.length === 1 && name.endsWith('.json');
    if (top === 'csv') return rest.length === 1 && name.endsWith('.csv');
    if (top === 'parquet') return name.endsWith('.parquet');
    return top === '.planx-cache' && rest.length === 1 && /^[0-9a-f]{64}\.(?:json(?:\.gz)?|entry\.br)$/.test(name);
  };
  const tree = listTree(dir);
  const unknown = [
    ...tree.files.filter((f) => !own(f)),
    ...tree.links.map((l) => `${l} (a symlink)`),
    ...tree.emptyDirs.filter((d) => !OWN_FOLDERS.has(d) && !d.startsWith('parquet/')).map((d) => `${d}/`),
  ];
  if (!unknown.length) return null;
  const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
  return `it is a dataset of an older planx (no file list) and holds ${unknown.length} entr${unknown.length === 1 ? 'y' : 'ies'} planx does not write: ${shown}`;
}

/** Refuse an `--out` planx must not replace (see the top of this file). */
export function checkOutFolder(out: ResolvedOut): void {
  const { real, shown } = out;
  if (!existsSync(real)) return;
  const st = statSync(real);
  if (!st.isDirectory()) throw new OutFolderError(`--out ${shown} is a file; give the name of a folder to create`);
  if (!readdirSync(real).length) return;
  const why = notOnlyADataset(real);
  if (why) {
    throw new OutFolderError(
      `--out ${shown} already exists and planx will not replace it: ${why}. planx replaces the whole --out folder, so it only replaces a planx dataset holding nothing else. Move those files out, or choose a new folder name.`,
    );
  }
}

/** True when `inner` is `outer` or lies below it (both absolute, symlinks resolved). */
export function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep));
}

/**
 * An input at or below `--out` would be deleted by the swap (and the run would read its own output):
 * refused before anything is read. (The opposite, `--out` below an input folder, is handled by the input
 * walk, which skips the dataset folder.)
 */
export function checkInputsOutsideOut(inputs: readonly string[], out: ResolvedOut): void {
  for (const a of inputs) {
    let real: string;
    try {
      real = realpathSync(a);
    } catch {
      continue; // missing inputs are reported on their own
    }
    if (isInside(real, out.real)) {
      throw new OutFolderError(
        `the input ${a} is ${real === out.real ? '' : 'inside '}the --out folder ${out.shown}, which is replaced as a whole at the end of the run: planx would delete it and read its own output. Move the inputs out of ${out.shown}, or choose another --out.`,
      );
    }
  }
}

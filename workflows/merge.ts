/**
 * `planx merge <datasets...> --out DIR`: the datasets written by shards (`planx extract --shard i/n`, or
 * any planx datasets of the same planx build) combined into one, as if one run had extracted them all.
 *
 * - Sources must agree on planx version, schema version, the schema files they carry (which must be this
 *   planx's: the merged records are validated and the schemas written again by it) and on the extraction
 *   options (agency aliases, corrections); otherwise a MergeError says which two differ and how.
 * - The unit is the document: a doc_id present in two sources with identical records and text is taken
 *   once (the same shard merged twice, an overlap); with different content it is an error naming both.
 *   A record id used by two different documents is an error naming both sources too.
 * - Records are written through the ordinary writer (output/dataset.ts: validation, agencies merged by id,
 *   texts/, schemas/, derived formats, atomic swap into --out as output/staging.ts does it); documents come
 *   in shard order, then in each source's own (input) order.
 * - manifest.json: the sources' inputs concatenated, and `options.merged_from` (each source, its shard and
 *   how many inputs it had) and `options.shards` (count, shards present, shards missing).
 * Sources are streamed one document at a time (workflows/merge-read.ts); what stays in memory is one id per
 * record, one hash per document and the agency registry.
 * Each source is validated first (`planx validate`: schemas, references, spans, file hashes): a shard with
 * dangling references or spans outside its texts is refused, naming its first problems. A source swapped
 * by another run while it is read is read again (output/stable-read.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { AgencyRecord, ManifestRecord } from '../schemas/records.js';
import { schemaFiles } from '../schemas/generate.js';
import { DatasetWriter, type Format } from '../output/dataset.js';
import { FORMATS } from '../output/formats.js';
import { readJsonl } from '../output/columns.js';
import { documentsOf, PER_DOC, type DocumentRecords } from './merge-read.js';
import { prepareDocument } from '../output/prepare.js';
import type { ShardInfo } from '../pipeline/shard.js';
import { validateDataset, formatProblem } from '../output/validate-dataset.js';
import { folderIdentity } from '../output/stable-read.js';
import { checkInputsOutsideOut, resolveOut } from '../output/out-folder.js';

export class MergeError extends Error {
  override name = 'MergeError';
}

interface Source {
  dir: string;
  manifest: ManifestRecord;
  /** shards this source holds (one for an extract --shard, several for an earlier merge, none otherwise) */
  shards: ShardInfo[];
}

export interface MergeOptions {
  /** derived formats; default: every format any source has */
  formats?: readonly Format[];
  /** Hive-partitioned Parquet; default: the sources' partition_by when they all have the same one */
  partitionBy?: readonly string[];
  /** aborts the merge (SIGINT/SIGTERM): nothing is installed */
  signal?: AbortSignal;
}

export interface MergeResult {
  manifest: ManifestRecord;
  documents: number;
  /** documents found in more than one source with identical content, written once */
  duplicates: number;
  /** records that failed validation (as in extract) */
  invalid: number;
  /** e.g. ['2/4'] when shard 2 of 4 was not among the sources */
  missingShards: string[];
}

/** Options that decide what was extracted: they must be equal in every source. */
const LOCAL_OPTIONS = new Set(['formats', 'shard', 'shards', 'partition_by', 'merged_from']);

function readSource(dir: string): Source {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new MergeError(`${dir} is not a finished planx dataset (no manifest.json)`);
  let manifest: ManifestRecord;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as ManifestRecord;
  } catch (e) {
    throw new MergeError(`${file}: not JSON: ${(e as Error).message}`);
  }
  const o = manifest.options ?? {};
  const merged = Array.isArray(o.merged_from) ? (o.merged_from as Array<{ shard?: ShardInfo | null }>) : [];
  const shards = o.shard ? [o.shard as ShardInfo] : merged.flatMap((m) => (m.shard ? [m.shard] : []));
  return { dir, manifest, shards };
}

function extractionOptions(m: ManifestRecord): string {
  const kept = Object.entries(m.options ?? {})
    .filter(([k]) => !LOCAL_OPTIONS.has(k))
    .map(([k, v]): [string, unknown] => {
      // the corrections file sits wherever each machine mounted it: compared by file name and count
      if (k === 'corrections' && v && typeof v === 'object' && typeof (v as { file?: unknown }).file === 'string') {
        return [k, { ...(v as object), file: basename((v as { file: string }).file) }];
      }
      return [k, v];
    });
  return JSON.stringify(Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Same planx, same schemas, same options in every source, else a MergeError naming the two that differ. */
function checkCompatible(sources: Source[]): void {
  const [first] = sources;
  const ours = schemaFiles();
  for (const s of sources) {
    const a = first.manifest;
    const b = s.manifest;
    if (a.tool_version !== b.tool_version || a.schema_version !== b.schema_version) {
      throw new MergeError(`${first.dir} was written by planx ${a.tool_version} (schema ${a.schema_version}) but ${s.dir} by planx ${b.tool_version} (schema ${b.schema_version}): extract every shard with the same planx`);
    }
    if (extractionOptions(a) !== extractionOptions(b)) {
      throw new MergeError(`${first.dir} and ${s.dir} were extracted with different options (${extractionOptions(a)} vs ${extractionOptions(b)}): their records are not comparable`);
    }
    const dir = join(s.dir, 'schemas');
    if (!existsSync(dir)) throw new MergeError(`${s.dir} has no schemas/ folder, so its records cannot be checked against this planx's schemas`);
    for (const [file, text] of ours) {
      const p = join(dir, file);
      if (!existsSync(p)) throw new MergeError(`${p} is missing: ${s.dir} was written by a planx with other record types`);
      if (readFileSync(p, 'utf8') !== text) throw new MergeError(`${p} differs from the schema of this planx (${file}): merge with the planx that wrote ${s.dir} (${b.tool_version})`);
    }
    const extra = readdirSync(dir).filter((f) => !ours.has(f));
    if (extra.length) throw new MergeError(`${dir} has schema files this planx does not know (${extra.join(', ')})`);
  }
  const counts = new Set(sources.flatMap((s) => s.shards.map((x) => x.count)));
  if (counts.size > 1) throw new MergeError(`the sources are shards of different splits (${[...counts].map((n) => `of ${n}`).join(', ')}): merge shards of one split (or merge each split first)`);
}

/** Everything of one document, as one hash: equal hashes = identical records and text. */
function fingerprint(d: DocumentRecords): string {
  const h = createHash('sha256').update(JSON.stringify(d.document)).update('\n');
  for (const name of PER_DOC) for (const r of d.records[name]) h.update(JSON.stringify(r)).update('\n');
  return h.update('\0').update(d.text).digest('hex');
}

/** Refuse a source that `planx validate` finds problems in. */
async function checkValid(dir: string): Promise<void> {
  if (!existsSync(dir)) throw new MergeError(`${dir}: no such dataset folder`);
  readSource(dir); // not a dataset at all: said so plainly
  const r = await validateDataset(dir);
  if (!r.problems.length) return;
  const first = r.problems.slice(0, 3).map((p) => `  ${formatProblem(p)}`).join('\n');
  throw new MergeError(`${dir} is not a valid dataset (planx validate finds ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}), so it is not merged:\n${first}${r.problems.length > 3 ? '\n  …' : ''}`);
}

export async function mergeDatasets(dirs: readonly string[], out: string, opts: MergeOptions = {}): Promise<MergeResult> {
  if (!dirs.length) throw new MergeError('give at least one dataset to merge');
  checkInputsOutsideOut(dirs, resolveOut(out));
  for (const d of dirs) await checkValid(d);
  for (let attempt = 1; ; attempt++) {
    const before = dirs.map(folderIdentity).join('\n');
    const r = await mergeOnce(dirs, out, opts, () => attempt < 4 && dirs.map(folderIdentity).join('\n') !== before);
    if (r) return r;
    for (const d of dirs) await checkValid(d); // a source was replaced while it was read: again, on the new one
  }
}

/** One merge; null when `swapped()` says a source changed while it was read (nothing was installed). */
async function mergeOnce(dirs: readonly string[], out: string, opts: MergeOptions, swapped: () => boolean): Promise<MergeResult | null> {
  const sources = dirs.map(readSource);
  checkCompatible(sources);
  // shard order, whatever order the folders were named in (sources without shard info keep theirs, last)
  const rank = (s: Source) => (s.shards.length ? Math.min(...s.shards.map((x) => x.index)) : Infinity);
  const ordered = sources.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);

  // the shards' partitioning is the default only when Parquet is wanted at all (`--format jsonl` means none)
  const partitionBy = opts.partitionBy ?? (opts.formats && !opts.formats.includes('parquet') ? undefined : commonPartitionBy(sources));
  const asked = opts.formats ?? FORMATS.filter((f) => sources.some((s) => ((s.manifest.options?.formats as string[] | undefined) ?? []).includes(f)));
  const formats = partitionBy?.length && !asked.includes('parquet') ? [...asked, 'parquet' as const] : asked;
  const writer = new DatasetWriter(out, { formats, partitionBy, part: 'part-merged', cancelled: () => !!opts.signal?.aborted });
  try {
    const docs = new Map<string, { dir: string; hash: string }>();
    const ids = new Map<string, string>(); // record id → doc_id (its folder is in docs)
    let duplicates = 0;
    for (const s of ordered) {
      const agencies = join(s.dir, 'agencies.jsonl');
      if (existsSync(agencies)) for await (const a of readJsonl(agencies)) writer.addAgencies([a as unknown as AgencyRecord]);
      for await (const d of documentsOf(s.dir)) {
        const docId = d.document.id;
        const hash = fingerprint(d);
        const had = docs.get(docId);
        if (had) {
          if (had.hash !== hash) throw new MergeError(`document ${docId} is in both ${had.dir} and ${s.dir} with different records or text: re-extract it once (the two runs disagree)`);
          duplicates++;
          continue;
        }
        docs.set(docId, { dir: s.dir, hash });
        for (const name of PER_DOC) {
          for (const r of d.records[name]) {
            if (typeof r.id !== 'string') continue;
            const other = ids.get(r.id);
            if (other !== undefined && other !== docId) throw new MergeError(`record id ${r.id} (${name}) is used by document ${other} in ${docs.get(other)!.dir} and by document ${docId} in ${s.dir}`);
            ids.set(r.id, docId);
          }
        }
        // validated again by this planx; agencies come from the source's agencies.jsonl (all of them)
        const prepared = prepareDocument({ document: d.document, records: { ...d.records, agencies: [] } as never, text: d.text, timings: {} });
        await writer.addPrepared(prepared);
      }
    }
    const inputs = mergeInputs(ordered);
    const missingShards = missing(sources);
    const base = Object.fromEntries(Object.entries(sources[0].manifest.options ?? {}).filter(([k]) => !LOCAL_OPTIONS.has(k)));
    const shardCount = sources.flatMap((s) => s.shards)[0]?.count;
    const options: Record<string, unknown> = {
      ...base,
      formats: writer.formats,
      ...(partitionBy?.length ? { partition_by: [...partitionBy] } : {}),
      merged_from: ordered.flatMap((s) => mergedFrom(s)),
      ...(shardCount ? { shards: { count: shardCount, present: presentShards(sources), missing: missingShards } } : {}),
    };
    if (swapped()) {
      await writer.abort();
      return null;
    }
    const manifest = await writer.finish({ tool_version: sources[0].manifest.tool_version, schema_version: sources[0].manifest.schema_version, options, inputs });
    writer.commit();
    return { manifest, documents: docs.size, duplicates, invalid: writer.invalid, missingShards };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

function commonPartitionBy(sources: Source[]): string[] | undefined {
  const all = sources.map((s) => JSON.stringify(s.manifest.options?.partition_by ?? null));
  return all.every((x) => x === all[0]) ? ((sources[0].manifest.options?.partition_by as string[] | undefined) ?? undefined) : undefined;
}

/** The sources' inputs in order; an entry repeated verbatim (a shard merged twice) is listed once. */
function mergeInputs(sources: Source[]): ManifestRecord['inputs'] {
  const seen = new Set<string>();
  const out: ManifestRecord['inputs'] = [];
  for (const s of sources) {
    for (const i of s.manifest.inputs ?? []) {
      const k = JSON.stringify(i);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(i);
    }
  }
  return out;
}

/** One entry per original dataset: an earlier merge contributes the entries it recorded itself. */
function mergedFrom(s: Source): unknown[] {
  const earlier = s.manifest.options?.merged_from;
  if (Array.isArray(earlier)) return earlier;
  return [{ dataset: s.dir, shard: (s.manifest.options?.shard as ShardInfo | undefined) ?? null, inputs: s.manifest.inputs?.length ?? 0 }];
}

function presentShards(sources: Source[]): number[] {
  return [...new Set(sources.flatMap((s) => s.shards.map((x) => x.index)))].sort((a, b) => a - b);
}

function missing(sources: Source[]): string[] {
  const count = sources.flatMap((s) => s.shards)[0]?.count;
  if (!count) return [];
  const have = new Set(presentShards(sources));
  const out: string[] = [];
  for (let i = 0; i < count; i++) if (!have.has(i)) out.push(`${i}/${count}`);
  return out;
}

/**
 * Which formats a run writes when it replaces an existing dataset. A re-run without `--format` (and no
 * `formats` in the config) keeps the formats, and the Parquet partitioning, the dataset in `--out` had —
 * as `planx merge` keeps those of its shards — so `planx extract plans --out ds` run again never deletes
 * `csv/`, `dataset.sqlite` or `parquet/` without being asked. Formats given explicitly are written as
 * given, and a format the old dataset had that they leave out is named as removed, not dropped silently.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS, type Format } from '../output/formats.js';

export interface FormatChoice {
  formats: Format[];
  partitionBy: string[] | undefined;
  /** what the user should know: formats kept from the old dataset, or removed from it */
  notes: string[];
}

/** Where each derived format lives in a dataset folder (for the messages). */
const PLACE: Record<Format, string> = { jsonl: '*.jsonl', csv: 'csv/', sqlite: 'dataset.sqlite', parquet: 'parquet/' };

/** The formats and partitioning recorded by the planx dataset in `out`, or null (no dataset there, not planx's, unreadable). */
export function previousLayout(out: string): { formats: Format[]; partitionBy: string[] | undefined } | null {
  let manifest: { tool?: unknown; options?: { formats?: unknown; partition_by?: unknown } };
  try {
    manifest = JSON.parse(readFileSync(join(realpathSync(out), 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.tool !== 'planx' || !manifest.options) return null;
  const listed = Array.isArray(manifest.options.formats) ? manifest.options.formats : [];
  const formats = FORMATS.filter((f) => f === 'jsonl' || listed.includes(f));
  const p = manifest.options.partition_by;
  const partitionBy = Array.isArray(p) && p.length && p.every((x) => typeof x === 'string') ? (p as string[]) : undefined;
  return { formats, partitionBy };
}

/**
 * `asked`: the formats given (flag or config), undefined when none was; `partitionBy` likewise.
 * Asking for a partitioning asks for Parquet.
 */
export function chooseFormats(out: string, asked: readonly Format[] | undefined, partitionBy: readonly string[] | undefined): FormatChoice {
  const previous = previousLayout(out);
  const notes: string[] = [];
  let formats: Format[];
  let partition = partitionBy?.length ? [...partitionBy] : undefined;
  if (asked) {
    formats = FORMATS.filter((f) => f === 'jsonl' || asked.includes(f));
  } else if (previous) {
    formats = previous.formats;
    partition ??= previous.partitionBy;
    const kept = formats.filter((f) => f !== 'jsonl');
    if (kept.length) notes.push(`no --format given: writing the formats the dataset in ${out} had (${kept.join(', ')}${partition && !partitionBy?.length ? `, partitioned by ${partition.join(',')}` : ''}); --format jsonl writes JSONL only`);
  } else {
    formats = ['jsonl'];
  }
  if (partition?.length && !formats.includes('parquet')) formats = [...formats, 'parquet'];
  if (previous) {
    const removed = previous.formats.filter((f) => !formats.includes(f));
    if (removed.length) notes.push(`removed from ${out}: ${removed.map((f) => PLACE[f]).join(', ')} (the previous dataset had ${removed.length === 1 ? 'it' : 'them'}; --format ${[...formats, ...removed].filter((f) => f !== 'jsonl').join(',')} keeps ${removed.length === 1 ? 'it' : 'them'})`);
  }
  return { formats, partitionBy: partition, notes };
}

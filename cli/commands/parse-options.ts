/** Option parsers shared by `planx extract` and `planx merge` (commander calls them with the flag's text). */
import { InvalidArgumentError } from 'commander';
import { FORMATS, type Format } from '../../output/formats.js';

/** `--format csv,parquet`: known formats only, else a usage error naming the unknown ones. */
export function parseFormats(v: string): Format[] {
  const list = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new InvalidArgumentError(`unknown format ${bad.map((b) => `"${b}"`).join(', ')}; choose from ${FORMATS.join(', ')}`);
  return list as Format[];
}

/** `--partition-by region,kind`; the fields are checked by the dataset writer (output/partition.ts) before any work. */
export function parsePartitionBy(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

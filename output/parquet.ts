/**
 * The dataset's Parquet: `parquet/<name>.parquet` per record type, each written by output/parquet-file.ts
 * (its header says how columns are typed), or, with `partitionBy`, a Hive-style tree (output/partition.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_NAMES } from '../schemas/records.js';
import { writeParquetFile } from './parquet-file.js';

/**
 * Write parquet/<name>.parquet for every record file of the dataset folder `dir`; with `partitionBy`, a
 * Hive-style tree parquet/<name>/<col>=<value>/…/<part>.parquet instead (output/partition.ts).
 */
export async function writeParquet(dir: string, opts: { partitionBy?: readonly string[]; part?: string } = {}): Promise<void> {
  if (opts.partitionBy?.length) return (await import('./partition.js')).writePartitionedParquet(dir, opts.partitionBy, opts.part ?? 'part-0-of-1');
  mkdirSync(join(dir, 'parquet'), { recursive: true });
  for (const name of RECORD_NAMES) await writeParquetFile(name, join(dir, `${name}.jsonl`), join(dir, 'parquet', `${name}.parquet`));
}

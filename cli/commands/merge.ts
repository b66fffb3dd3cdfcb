/**
 * `planx merge <datasets...> --out DIR`: registered on the CLI by `registerMerge(program)`; the work is
 * workflows/merge.ts. Exit codes: 0 merged; 1 a record failed validation; 2 sources that cannot be merged
 * (different planx or options, conflicting records, not a dataset) or an --out planx must not replace.
 */
import type { Command } from 'commander';
import { FORMATS, type Format } from '../../output/formats.js';
import { parseFormats, parsePartitionBy } from './parse-options.js';
import { guardSignals, SIGNAL_EXIT } from '../../pipeline/signals.js';
import { safe, safeLines } from '../terminal.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine datasets written by shards (extract --shard i/n) into one dataset')
    .argument('<datasets...>', 'dataset folders (the --out of each shard)')
    .requiredOption('-o, --out <dir>', 'dataset folder to write; replaced as a whole, atomically, when the merge completes')
    .option('-f, --format <list>', `extra formats, comma-separated: ${FORMATS.join(',')} (default: those of the shards)`, parseFormats)
    .option('--partition-by <fields>', 'Parquet as a Hive-style tree partitioned by these document fields (default: as the shards)', parsePartitionBy)
    .addHelpText('after', `
Examples:
  planx merge shard-0 shard-1 shard-2 shard-3 --out dataset
  planx merge shards/* --out dataset --format parquet --partition-by region,kind

The shards must come from the same planx build with the same options. A document found in two
shards with identical content is written once; with different content, or a record id used by two
documents, the merge stops with an error naming both folders. manifest.json lists every shard's
inputs and which shards of the split were merged (a missing shard, or an input that failed in a
shard, is reported as a note, not an error).`)
    .action(async (dirs: string[], o: { out: string; format?: Format[]; partitionBy?: string[] }) => {
      const guard = guardSignals((sig) => process.stderr.write(`\n${sig}: removing the unfinished merge; nothing is installed\n`));
      const { mergeDatasets } = await import('../../workflows/merge.js');
      try {
        const r = await mergeDatasets(dirs, o.out, { formats: o.format, partitionBy: o.partitionBy, signal: guard.signal });
        const dup = r.duplicates ? `, ${r.duplicates} duplicate document(s) taken once` : '';
        process.stdout.write(`${r.documents} document(s) from ${dirs.length} dataset(s) merged into ${safe(o.out)} (${(r.manifest.options.formats as string[]).join(', ')})${dup}\n`);
        const failed = r.manifest.inputs.filter((i) => i.status === 'failed').length;
        // already reported (and exit 1) by the shard that met them; listed again here for whoever merges
        if (failed) process.stderr.write(`note: ${failed} input(s) failed in the shards (listed in ${o.out}/manifest.json)\n`);
        if (r.missingShards.length) process.stderr.write(`note: shard(s) ${r.missingShards.join(', ')} not among the merged datasets\n`);
        if (r.invalid) process.stderr.write(`planx merge: ${r.invalid} record(s) failed validation and were not written (see diagnostics.jsonl)\n`);
        process.exitCode = r.invalid ? 1 : 0;
      } catch (e) {
        const sig = guard.received();
        if (sig) {
          process.exitCode = SIGNAL_EXIT[sig];
          return;
        }
        // MergeError from workflows/merge.ts or workflows/merge-read.ts (same name, no import cycle)
        if ((e as Error).name !== 'MergeError') throw e;
        process.stderr.write(`planx merge: ${safeLines((e as Error).message)}\n`);
        process.exitCode = 2;
      } finally {
        guard.dispose();
      }
    });
}

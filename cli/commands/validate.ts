/**
 * `planx validate <dataset>`: registered on the CLI by `registerValidate(program)`; the checks are
 * output/validate-dataset.ts (and pipeline/corrections-check.ts with --corrections). Exit codes: 0 valid,
 * 1 problems found, 2 no such folder or a malformed corrections file.
 */
import type { Command } from 'commander';
import { parseNumber } from './parse-options.js';
import { checkCorrectionsFile } from './corrections-report.js';
import { safe } from '../terminal.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a dataset folder: schemas, references between files, spans inside texts/')
    .argument('<dataset>', 'the dataset folder (the --out of planx extract)')
    .option('--max <n>', 'print at most this many problems (default 1000; the count is always printed)', (v) => parseNumber(v, '--max', 1), 1000)
    .option('--corrections <file>', 'also check a corrections file against the dataset: applied, stale, not yet applied')
    .addHelpText('after', `
Prints one line per problem as "file:line  message" (line of the JSONL file) and a summary.
With --corrections, one line per correction that is not applied in the dataset and a summary;
a stale or invalid correction counts as a problem, one not yet applied (pending) does not.
Exit code 0 = valid, 1 = problems found, 2 = no such folder or a malformed corrections file.`)
    .action(runValidate);
}

/** Problems (at most `max`, then how many more) on stdout, notes and the summary after them; then the corrections file. */
async function runValidate(dataset: string, o: { max: number; corrections?: string }): Promise<void> {
  // a malformed corrections file is refused (exit 2) before the dataset is read
  const set = o.corrections ? (await import('../../pipeline/corrections.js')).loadCorrections(o.corrections) : null;
  const { validateDataset, formatProblem } = await import('../../output/validate-dataset.js');
  const report = await validateDataset(dataset);
  for (const p of report.problems.slice(0, o.max)) process.stdout.write(safe(formatProblem(p)) + '\n');
  if (report.problems.length > o.max) process.stdout.write(`… and ${report.problems.length - o.max} more\n`);
  for (const n of [...new Set(report.notes)]) process.stderr.write(`note: ${safe(n)}\n`);
  const summary = `${safe(dataset)}: ${report.records} records in ${report.files} files checked, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`;
  (report.problems.length ? process.stderr : process.stdout).write(summary + '\n');
  const badCorrections = set ? await checkCorrectionsFile(dataset, set) : 0;
  process.exitCode = report.problems.length || badCorrections ? 1 : 0;
}

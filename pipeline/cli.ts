#!/usr/bin/env node
/**
 * planx command line. Exit codes: 0 every document processed, 1 some document failed (the others are
 * still written) or a record failed validation, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { runBatch } from './batch.js';
import { TOOL_VERSION } from './version.js';

function summaryLine(r: { document: { id: string; title: string }; records: Record<string, unknown[]> }): string {
  const c = (k: string) => r.records[k]?.length ?? 0;
  return `${r.document.id}  ${r.document.title.slice(0, 40)} — ${c('sections')} sections, ${c('blocks')} blocks, ${c('tasks')} tasks, ${c('assignments')} assignments, ${c('tables')} tables, ${c('footnotes')} footnotes, ${c('diagnostics')} diagnostics`;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('planx')
    .description('Turn Chinese government plan documents (规划, 工作方案, 实施方案, 行动计划, 编制说明) into a grounded, schema-validated dataset.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('extract')
    .description('extract documents into a dataset folder (JSONL + texts/, see README "The dataset")')
    .argument('<inputs...>', 'files or folders; folders are searched recursively for .txt .md .html .htm .docx .pdf')
    .requiredOption('-o, --out <dir>', 'dataset folder to write (replaced atomically when the run completes)')
    .option('-c, --concurrency <n>', 'documents processed at once', (v) => parsePositive(v, '--concurrency'), 2)
    .option('-q, --quiet', 'print only failures and the final summary')
    .addHelpText('after', `
Examples:
  planx extract seeds --out dataset
  planx extract plan.txt notices/ --out out/ds

Each document gets one summary line; a document that cannot be read fails alone and is listed in
dataset/manifest.json with the reason. Exit code 0 = all processed, 1 = some failed, 2 = usage error.`)
    .action(async (inputs: string[], o: { out: string; concurrency: number; quiet?: boolean }) => {
      const result = await runBatch(inputs, {
        out: o.out,
        concurrency: o.concurrency,
        onDocument: (e) => {
          if (e.result && !o.quiet) process.stdout.write(summaryLine(e.result as never) + '\n');
          if (!e.ok) process.stderr.write(`FAILED ${e.error}\n`);
        },
      });
      const ok = result.manifest.inputs.filter((i) => i.status === 'ok').length;
      process.stdout.write(`${ok} of ${result.manifest.inputs.length} documents extracted into ${o.out}` + (result.failed ? `; ${result.failed} failed (see manifest.json)` : '') + '\n');
      if (result.invalid) process.stderr.write(`${result.invalid} records failed schema validation (see diagnostics.jsonl, code invalid-record)\n`);
      process.exitCode = result.failed || result.invalid ? 1 : 0;
    });

  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`planx: ${(e as Error).message}\n`);
    return 1;
  }
}

function parsePositive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CommanderError(2, 'planx.usage', `${name} must be a positive integer, got "${v}"`);
  return n;
}

main(process.argv).then((code) => {
  process.exitCode = code;
});

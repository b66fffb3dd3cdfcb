#!/usr/bin/env node
/**
 * planx command line. Exit codes: 0 everything fine; 1 some document failed (the others are still written),
 * a record failed validation, or `validate` found problems; 2 usage error (bad flag, bad config file,
 * an --out folder planx must not replace or another run is writing, no such input or dataset, no inputs);
 * 3 a fatal I/O error (no space left, read-only file system, permission denied), said in plain words;
 * 130 / 143 interrupted by SIGINT / SIGTERM (nothing installed). No stack trace unless --verbose.
 *
 * Each command is registered by its module in cli/commands/; this file builds the program and turns what
 * escapes a command into the exit code and the one message the user sees.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../model/version.js';
import { registerExtract } from './commands/extract.js';
import { registerValidate } from './commands/validate.js';
import { registerDiff } from './commands/diff.js';
import { registerReport } from './commands/report.js';
import { registerCompare } from './commands/compare.js';
import { registerMerge } from './commands/merge.js';
import { fatalMessage, quietOnClosedPipe, safe, safeLines } from './terminal.js';

// The pipeline, writers and validators are imported inside the actions: `planx --help` and usage errors
// answer at once instead of after loading every stage.
/** errors that are the user's to fix: exit 2 */
const USAGE_ERRORS = new Set(['UsageError', 'ConfigError', 'OutFolderError', 'DatasetNotFound']);

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return reportError(e, argv.includes('-v') || argv.includes('--verbose'));
  }
}

/** The program with every command, in the order `planx --help` lists them. */
function buildProgram(): Command {
  const program = new Command();
  program
    .name('planx')
    .description('Turn Chinese government plan documents (规划, 工作方案, 实施方案, 行动计划, 编制说明) into a grounded, schema-validated dataset.')
    .version(`planx ${TOOL_VERSION}`, '-V, --version', 'print the tool name and version (planx x.y.z)')
    .exitOverride()
    .showHelpAfterError('(run "planx --help" or "planx extract --help" for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerExtract(program);
  registerValidate(program);
  registerDiff(program);
  registerReport(program);
  registerCompare(program);
  registerMerge(program);
  return program;
}

/**
 * What escaped a command, told once and mapped to the exit code: commander's own exits (help, version:
 * 0; a bad flag: 2, already printed), a usage error (2), a fatal I/O error in plain words (3), anything
 * else as a possible bug (1; the stack only with --verbose).
 */
function reportError(e: unknown, verbose: boolean): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (USAGE_ERRORS.has((e as Error).name)) {
    process.stderr.write(`planx: ${safeLines((e as Error).message)}\n`);
    return 2;
  }
  const fatal = fatalMessage(e);
  if (fatal) {
    process.stderr.write(`planx: ${safe(fatal)}; nothing was installed, the previous dataset (if any) is kept\n`);
    if (verbose) process.stderr.write(`${(e as Error).stack}\n`);
    return 3;
  }
  process.stderr.write(`planx: ${safeLines(verbose ? ((e as Error).stack ?? String(e)) : e instanceof Error ? e.message || e.name : String(e))}\n`);
  if (!verbose) process.stderr.write('(a planx bug? run again with --verbose for the stack trace)\n');
  return 1;
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
main(process.argv).then((code) => {
  process.exitCode = code;
});

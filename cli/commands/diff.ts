/**
 * `planx diff OLD NEW`: registered on the CLI by `registerDiff(program)`. Exit codes as diff(1): 0 no
 * differences, 1 differences found, 2 trouble (a path that is neither a dataset nor a readable file).
 */
import { existsSync } from 'node:fs';
import type { PlanxConfig } from '../../pipeline/config.js';
import type { Command } from 'commander';

const CONFIG_FILE = 'planx.config.json';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('what changed between two versions: tasks, assignments, deadlines, targets, indicators, projects, sections')
    .argument('<old>', 'the old version: a dataset folder or one document file')
    .argument('<new>', 'the new version: a dataset folder or one document file')
    .option('--json', 'print the differences as JSON (one object) instead of text')
    .option('--config <file>', 'config file whose agency aliases are used when extracting document files')
    .addHelpText('after', `
Examples:
  planx diff plan-2021.txt plan-2022.txt
  planx diff dataset-old dataset-new --json > changes.json

Records are matched by content (task text, section marker + title, indicator and project names),
so a change is reported where it happened even when numbering moved. Exit code 0 = no differences,
1 = differences, 2 = an input could not be read.`)
    .action(async (oldPath: string, newPath: string, o: { json?: boolean; config?: string }) => {
      for (const p of [oldPath, newPath]) {
        if (!existsSync(p)) {
          process.stderr.write(`planx: ${JSON.stringify(p).slice(1, -1)}: no such file or folder\n`);
          process.exitCode = 2;
          return;
        }
      }
      // zod (which checks the file) is loaded only when there is a config file to read
      const { config } = o.config || existsSync(CONFIG_FILE) ? (await import('../../pipeline/config.js')).loadConfig(o.config) : { config: {} as PlanxConfig };
      // loaded on use: `planx extract` never pays for the diff code
      const { diffPaths } = await import('../../workflows/diff/index.js');
      const { renderDiff } = await import('../../workflows/diff/render.js');
      let report;
      try {
        report = await diffPaths(oldPath, newPath, config.agencyAliases ? { agencyAliases: config.agencyAliases } : {});
      } catch (e) {
        process.stderr.write(`planx: ${(e as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      // document text and titles are shown as text: control characters escaped (JSON escapes them itself)
      const { safeLines } = await import('../terminal.js');
      process.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : safeLines(renderDiff(report)));
      process.exitCode = report.differences ? 1 : 0;
    });
}

/**
 * `planx compare <dataset> --out DIR`: registered on the CLI by `registerCompare(program)`. Writes the
 * CSV files and a standalone compare.html into its own folder, replaced as a whole (workflows/report/folder.ts).
 * Exit codes: 0 written, 2 no such dataset or an --out that belongs to something else.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare documents: indicators aligned across documents, agency load, task themes (CSV + HTML)')
    .argument('<dataset>', 'the dataset folder (the --out of planx extract)')
    .option('-o, --out <dir>', 'folder for indicators.csv, indicators_wide.csv, agency_load.csv, themes.csv, compare.html (replaced as a whole)', 'compare')
    .addHelpText('after', `
Examples:
  planx compare dataset --out compare

Indicators (indicator-table rows and prose targets) are aligned by normalised name and unit:
indicators.csv has one row per document value, indicators_wide.csv one row per indicator with each
document's baseline and targets side by side. The same page is part of "planx report".`)
    .action(async (dataset: string, o: { out: string }) => {
      const { isDataset, loadDataset } = await import('../../output/load-dataset.js');
      const { compareDataset, writeCompareCsv } = await import('../../workflows/compare.js');
      const { comparePage } = await import('../../workflows/report/compare-page.js');
      if (!isDataset(dataset)) {
        process.stderr.write(`planx: ${JSON.stringify(dataset).slice(1, -1)} is not a planx dataset folder (no documents.jsonl or manifest.json)\n`);
        process.exitCode = 2;
        return;
      }
      const { replaceFolder, OutputFolderError } = await import('../../workflows/report/folder.js');
      const { readStable } = await import('../../output/stable-read.js');
      const { value: c } = await readStable([dataset], () => compareDataset(loadDataset(dataset))); // one dataset, never a mix
      let files: string[];
      try {
        // its own folder, replaced as a whole: never files mixed into a dataset or a report folder
        files = replaceFolder(o.out, 'compare', (dir) => {
          const written = writeCompareCsv(c, dir);
          writeFileSync(join(dir, 'compare.html'), comparePage(c, { linkDocs: false }));
          return written;
        });
      } catch (e) {
        if (!(e instanceof OutputFolderError)) throw e;
        process.stderr.write(`planx compare: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      const shared = c.indicators.filter((i) => i.doc_ids.length > 1).length;
      process.stdout.write(`${c.documents.length} document(s): ${shared} indicator(s) in more than one document, ${c.agencyLoad.length} agency rows; wrote ${[...files, 'compare.html'].map((f) => join(o.out, f)).join(', ')}\n`);
      process.exitCode = 0;
    });
}

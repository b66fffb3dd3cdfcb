/**
 * `planx report <dataset> --out site/`: registered on the CLI by `registerReport(program)`.
 * The --out folder is replaced as a whole, atomically (workflows/report/folder.ts).
 * Exit codes: 0 written, 2 no such dataset or an --out that belongs to something else.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a static HTML review site: each document with its records highlighted, diagnostics, a compare page')
    .argument('<dataset>', 'the dataset folder (the --out of planx extract)')
    .option('-o, --out <dir>', 'folder to write the site into; replaced as a whole, atomically (no stale pages)', 'site')
    .addHelpText('after', `
Examples:
  planx report dataset --out site && open site/index.html

The site is plain HTML and CSS (charts are inline SVG): it opens from disk, loads nothing from
the network and runs no script. Document text is escaped everywhere.`)
    .action(async (dataset: string, o: { out: string }) => {
      const { writeReport } = await import('../../workflows/report/site.js');
      const { isDataset } = await import('../../output/load-dataset.js');
      if (!isDataset(dataset)) {
        process.stderr.write(`planx: ${JSON.stringify(dataset).slice(1, -1)} is not a planx dataset folder (no documents.jsonl or manifest.json)\n`);
        process.exitCode = 2;
        return;
      }
      const { OutputFolderError } = await import('../../workflows/report/folder.js');
      let r;
      try {
        // read again if another run swaps the dataset in meanwhile: the site shows one dataset, never a mix
        const { readStable } = await import('../../output/stable-read.js');
        ({ value: r } = await readStable([dataset], () => writeReport(dataset, o.out)));
      } catch (e) {
        if (!(e instanceof OutputFolderError)) throw e;
        process.stderr.write(`planx report: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(`report of ${r.documents} document(s) written to ${o.out}: ${pathToFileURL(resolve(o.out, 'index.html')).href}\n`);
      process.exitCode = 0;
    });
}

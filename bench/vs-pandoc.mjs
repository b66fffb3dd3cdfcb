#!/usr/bin/env node
/**
 * planx against `pandoc -f commonmark -t json` on the same bytes (issue 10: goal ≥ 6× pandoc).
 *
 * Inputs: the seed texts and the Markdown documents of ../shared/corpus (plain text is valid CommonMark, so
 * pandoc parses every file). Each side is measured two ways, because a data team runs both shapes:
 *   per file      pandoc as one process per document (how a conversion script calls it) against
 *                 `planx extract` as one CLI process over the whole set (start-up paid once);
 *   one stream    pandoc on all the files concatenated (its start-up paid once) against planx in-process
 *                 (the library's `extract`, every stage, no writers) on the same files.
 * planx does far more than pandoc here (a pandoc AST is only the block structure; planx also segments,
 * finds tasks, agencies, targets, tables, ids and validates every record), so the ratio is conservative.
 *
 * Usage: npm run build && node bench/vs-pandoc.mjs [--runs N]     (needs pandoc: apt-get install pandoc)
 * Prints a table and writes bench/out/vs-pandoc.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planxBuild } from './planx.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!have('pandoc')) {
  console.log('vs-pandoc: SKIPPED, pandoc is not installed (apt-get install -y pandoc): nothing to compare');
  process.exit(0);
}
const PLANX = planxBuild();
if (!PLANX.built) {
  console.error('vs-pandoc: dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const groups = [
  ['text (.txt)', readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f)).sort()],
  ['Markdown (.md)', existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => join(CORPUS, f)).sort() : []],
].filter(([, fs]) => fs.length);
mkdirSync(OUT, { recursive: true });
const rows = [];
for (const [group, files] of groups) rows.push(...measure(group, files));
const pandocVersion = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
console.log(`vs-pandoc: ${pandocVersion}; ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; median of ${RUNS}`);
console.table(rows);
writeFileSync(join(OUT, 'vs-pandoc.json'), JSON.stringify({ pandocVersion, loadavg: loadavg(), rows }, null, 2) + '\n');

function measure(group, files) {
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  const joined = join(OUT, 'vs-pandoc-all.md');
  writeFileSync(joined, files.map((f) => readFileSync(f, 'utf8')).join('\n\n'));

  /** median wall seconds of `fn` over RUNS runs, after one warm-up */
  function median(fn) {
    fn();
    const t = [];
    for (let k = 0; k < RUNS; k++) {
      const s = performance.now();
      fn();
      t.push((performance.now() - s) / 1000);
    }
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)];
  }

  function must(r, what) {
    if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr}`);
  }

  const pandocPerFile = median(() => {
    for (const f of files) must(spawnSync('pandoc', ['-f', 'commonmark', '-t', 'json', '-o', '/dev/null', f]), `pandoc ${f}`);
  });
  const pandocStream = median(() => must(spawnSync('pandoc', ['-f', 'commonmark', '-t', 'json', '-o', '/dev/null', joined]), 'pandoc (joined)'));

  const dsOut = join(OUT, 'vs-pandoc-ds');
  const planxCli = median(() => {
    rmSync(dsOut, { recursive: true, force: true });
    must(spawnSync(process.execPath, [PLANX.cli, 'extract', ...files, '--out', dsOut, '--force', '--quiet', '--no-progress', '-c', '1'], { encoding: 'utf8' }), 'planx extract');
  });

  // in-process: a child that loads the pipeline once, warms it, then times RUNS passes over the files
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { readFileSync } from 'node:fs';
    const { extract } = await import(${JSON.stringify(pathToFileURL(PLANX.entry).href)});
    const files = ${JSON.stringify(files)};
    const data = files.map((f) => readFileSync(f));
    const pass = async () => { for (let i = 0; i < files.length; i++) await extract(files[i], { bytes: data[i] }); };
    await pass();
    const t = [];
    for (let k = 0; k < ${RUNS}; k++) { const s = performance.now(); await pass(); t.push((performance.now() - s) / 1000); }
    t.sort((a, b) => a - b);
    process.stdout.write(String(t[Math.floor(t.length / 2)]));
  `], { encoding: 'utf8' });
  must(child, 'planx in-process');
  const planxInProcess = Number(child.stdout);

  const mbps = (s) => +(bytes / 1e6 / s).toFixed(2);
  return [
    { group, files: files.length, MB: +(bytes / 1e6).toFixed(2), run: 'per file', pandoc_s: +pandocPerFile.toFixed(3), planx_s: +planxCli.toFixed(3), 'pandoc MB/s': mbps(pandocPerFile), 'planx MB/s': mbps(planxCli), 'planx ÷ pandoc': +(pandocPerFile / planxCli).toFixed(2), planx_as: 'CLI, 1 worker' },
    { group, files: files.length, MB: +(bytes / 1e6).toFixed(2), run: 'one stream', pandoc_s: +pandocStream.toFixed(3), planx_s: +planxInProcess.toFixed(3), 'pandoc MB/s': mbps(pandocStream), 'planx MB/s': mbps(planxInProcess), 'planx ÷ pandoc': +(pandocStream / planxInProcess).toFixed(2), planx_as: 'in-process' },
  ];
}

#!/usr/bin/env node
/**
 * `npm run bench`: throughput and memory of `planx extract` (the batch runner, as the CLI runs it).
 *
 *   corpus        what                                          runs
 *   seeds         the 5 seed documents (0.23 MB)                in-process, 1 worker, 2 workers
 *   20 MB         the seeds repeated under new names (~20 MB)   1 worker, 2 workers, 2 workers + all formats
 *   200 MB (10×)  the same, ten times larger                    2 workers   (skip with --quick)
 *
 * Each run is a separate Node process, so its peak RSS (process.resourceUsage().maxRSS, which counts the
 * worker threads too) belongs to that run alone. Prints a table and writes bench/out/results.json.
 * The machine's load average is printed too: figures taken on a busy machine are not comparable.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planxBuild } from './planx.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const SEEDS = join(ROOT, 'seeds');

if (process.argv[2] === '--child') {
  // one measured run: --child <input dir> <workers: 0 = in-process> <formats> <out>
  const [input, workers, formats, out] = process.argv.slice(3);
  const { extractToDataset } = await planxBuild().api();
  const t = performance.now();
  const r = await extractToDataset([input], {
    out,
    concurrency: Math.max(1, Number(workers)),
    workers: Number(workers) > 0,
    force: true, // measure extraction, not the cache of a previous run into the same folder
    formats: formats === 'jsonl' ? [] : formats.split(','),
  });
  const secs = (performance.now() - t) / 1000;
  const ok = r.manifest.inputs.filter((i) => i.status === 'ok').length;
  process.stdout.write(JSON.stringify({ secs, docs: ok, failed: r.failed, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/** The seeds copied `times` times into `dir` under distinct names (so doc ids differ). */
function corpus(dir, times) {
  const want = seedFiles.length * times;
  if (existsSync(dir) && readdirSync(dir).length === want) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < times; k++) for (const f of seedFiles) copyFileSync(join(SEEDS, f), join(dir, `r${String(k).padStart(4, '0')}_${f}`));
  return dir;
}

const sizeOf = (dir) => readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0);

function run(label, input, workers, formats = 'jsonl') {
  const out = join(OUT, 'ds');
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', input, String(workers), formats, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop());
  const mb = sizeOf(input) / 1e6;
  const row = { label, workers: workers || 'in-process', formats, MB: +mb.toFixed(1), docs: m.docs, secs: +m.secs.toFixed(2), 'MB/s': +(mb / m.secs).toFixed(2), 'docs/s': +(m.docs / m.secs).toFixed(1), 'peak RSS MB': Math.round(m.maxRssMB) };
  console.log(JSON.stringify(row));
  return row;
}

mkdirSync(OUT, { recursive: true });
const quick = process.argv.includes('--quick');
const seedBytes = seedFiles.reduce((a, f) => a + statSync(join(SEEDS, f)).size, 0);
const times20 = Math.ceil(20e6 / seedBytes);
console.log(`planx bench: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const c20 = corpus(join(OUT, 'corpus-20mb'), times20);
const seeds = corpus(join(OUT, 'seeds'), 1);
const rows = [
  run('seeds', seeds, 0),
  run('seeds', seeds, 1),
  run('seeds', seeds, 2),
  run('20 MB', c20, 1),
  run('20 MB', c20, 2),
  run('20 MB', c20, 2, 'csv,sqlite,parquet'),
];
if (!quick) rows.push(run('200 MB (10×)', corpus(join(OUT, 'corpus-200mb'), times20 * 10), 2));
console.table(rows);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ cpus: cpus().length, rows }, null, 2) + '\n');
rmSync(join(OUT, 'ds'), { recursive: true, force: true });

#!/usr/bin/env node
/**
 * The measured goals of issue 20, in one paired run (every figure taken in the same session, the sides
 * alternated round by round so a change of machine load hits them alike):
 *
 *   baseline      bench/baseline.mjs on the 20 MB corpus: read, decode, split lines, one regex per line
 *   pandoc        `pandoc -f commonmark -t json` one process per file, and once on all files concatenated
 *   planx         `planx extract DIR --out DS --force` (the CLI as a user runs it: default workers, JSONL);
 *                 the same in-process (the library's `extract`, every stage, no writers); a cached re-run (no --force)
 *   single file   `planx extract` of one 100 KB text (wall, a fresh process, --force)
 *   --help        `planx --help` (wall, a fresh process)
 *
 * The corpus is the seeds copied under new names up to ~20 MB (bench/out/corpus-20mb, shared with bench.mjs).
 * Wall time is the median over the rounds; CPU time (user + system of the process tree) is printed beside it.
 * Usage: npm run build && node bench/goals.mjs [--runs N] [--skip-pandoc] [--before DIST]
 *   --before DIST   also runs every planx side with another build's dist/ folder (one whose node_modules
 *                   resolve, e.g. a git worktree of the commit before), alternated with this one in every
 *                   round: a paired before/after under the same load
 * Prints one table and writes bench/out/goals.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planxBuild } from './planx.mjs';
import { baseline } from './baseline.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const SEEDS = join(ROOT, 'seeds');
const PLANX = planxBuild();
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const beforeAt = process.argv.indexOf('--before');
const BEFORE = beforeAt > 0 ? process.argv[beforeAt + 1] : null;
if (BEFORE && !planxBuild(BEFORE).built) {
  console.error(`goals: --before ${BEFORE} is not a built planx (its package.json's bin and main must exist)`);
  process.exit(2);
}
const RUNS = arg('--runs', 3);
const hasPandoc = !process.argv.includes('--skip-pandoc') && spawnSync('sh', ['-c', 'command -v pandoc']).status === 0;
if (!PLANX.built) {
  console.error('goals: dist/ is missing: run `npm run build` first');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

// ---- inputs --------------------------------------------------------------------------------------------
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedBytes = seedFiles.reduce((a, f) => a + statSync(join(SEEDS, f)).size, 0);
const times = Math.ceil(20e6 / seedBytes);
const dir = join(OUT, 'corpus-20mb');
if (!existsSync(dir) || readdirSync(dir).length !== seedFiles.length * times) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < times; k++) for (const f of seedFiles) copyFileSync(join(SEEDS, f), join(dir, `r${String(k).padStart(4, '0')}_${f}`));
}
const files = readdirSync(dir).sort().map((f) => join(dir, f));
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
const joined = join(OUT, 'goals-all.md');
writeFileSync(joined, Buffer.concat(files.flatMap((f) => [readFileSync(f), Buffer.from('\n\n')])));
// one 100 KB text: the longest seed cut at the last line end before 100,000 bytes
const longest = seedFiles.map((f) => join(SEEDS, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const big = readFileSync(longest);
const single = join(OUT, 'goals-100kb.txt');
writeFileSync(single, big.subarray(0, big.lastIndexOf(10, 100_000) + 1));

// ---- measuring -----------------------------------------------------------------------------------------
/** Runs a shell command; wall seconds and CPU seconds of its process tree (bash `times`). */
function sh(cmd) {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', `${cmd}\ntimes`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`goals: \`${cmd}\` failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  const lines = r.stdout.trim().split('\n');
  const kids = lines.pop().trim().split(/\s+/).map((x) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(x);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  });
  return { wall, cpu: kids[0] + kids[1], stdout: lines.slice(0, -1).join('\n') };
}
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const node = q(process.execPath);
const ds = join(OUT, 'goals-ds');
const dsOne = join(OUT, 'goals-ds-one');

/** The planx sides for one build (`dist`), their names suffixed with `tag`. */
function planxSides(dist, tag) {
  const build = planxBuild(dist);
  const cli = q(build.cli);
  const out = q(ds + tag.replace(/\W+/g, '-'));
  const inProcess = `${node} --input-type=module -e ${q(`
    import { readFileSync } from 'node:fs';
    const { extract } = await import(${JSON.stringify(pathToFileURL(build.entry).href)});
    const files = ${JSON.stringify(files)};
    for (const f of files) await extract(f, { bytes: readFileSync(f) });
  `)}`;
  return {
    [`planx extract --force (CLI)${tag}`]: () => sh(`rm -rf ${out} && ${node} ${cli} extract ${q(dir)} --out ${out} --force -q --no-progress`),
    [`planx cached re-run (CLI)${tag}`]: () => sh(`${node} ${cli} extract ${q(dir)} --out ${out} -q --no-progress`),
    [`planx in-process (extract)${tag}`]: () => sh(inProcess),
    [`planx extract, one 100 KB text${tag}`]: () => sh(`${node} ${cli} extract ${q(single)} --out ${q(dsOne)} --force -q --no-progress`),
    [`planx --help${tag}`]: () => sh(`${node} ${cli} --help > /dev/null`),
  };
}

const sides = {
  baseline: () => {
    const b = baseline(files);
    return { wall: b.ms / 1000, cpu: b.cpuMs / 1000 };
  },
  ...(hasPandoc && {
    'pandoc per file': () => sh(`for f in ${files.map(q).join(' ')}; do pandoc -f commonmark -t json -o /dev/null "$f" || exit 1; done`),
    'pandoc one stream': () => sh(`pandoc -f commonmark -t json -o /dev/null ${q(joined)}`),
  }),
  ...planxSides(join(ROOT, 'dist'), ''),
  ...(BEFORE ? planxSides(BEFORE, ' [before]') : {}),
  'node -e 0 (bare start-up)': () => sh(`${node} -e 0`),
};
const seen = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
console.log(`goals: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${RUNS} rounds`);
sides.baseline(); // warm the page cache and the baseline's JIT
for (let k = 0; k < RUNS; k++) {
  for (const [name, fn] of Object.entries(sides)) seen[name].push(fn());
  process.stdout.write(`  round ${k + 1} of ${RUNS} done, load ${loadavg()[0].toFixed(1)}\n`);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fig = Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, { wall: med(v.map((r) => r.wall)), cpu: med(v.map((r) => r.cpu)) }]));

// ---- the table -----------------------------------------------------------------------------------------
const mb = bytes / 1e6;
const planx = fig['planx extract --force (CLI)'];
const rows = Object.entries(fig).map(([name, f]) => ({ run: name, 'wall s': +f.wall.toFixed(3), 'CPU s': +f.cpu.toFixed(3), 'MB/s': /help|100 KB|node -e/.test(name) ? '' : +(mb / f.wall).toFixed(2), '% of baseline': /help|100 KB|node -e|^baseline/.test(name) ? '' : +((100 * fig.baseline.wall) / f.wall).toFixed(1) }));
console.table(rows);
const ratio = (a, b) => (a / b).toFixed(2);
const goals = [
  hasPandoc && { goal: 'planx ≥ 6× pandoc per file', measured: `${ratio(fig['pandoc per file'].wall, planx.wall)}× (CPU ${ratio(fig['pandoc per file'].cpu, planx.cpu)}×)`, met: fig['pandoc per file'].wall / planx.wall >= 6 },
  hasPandoc && { goal: 'planx ≥ 2× pandoc on one stream', measured: `${ratio(fig['pandoc one stream'].wall, planx.wall)}× (CPU ${ratio(fig['pandoc one stream'].cpu, planx.cpu)}×); in-process ${ratio(fig['pandoc one stream'].wall, fig['planx in-process (extract)'].wall)}×`, met: fig['pandoc one stream'].wall / planx.wall >= 2 },
  { goal: 'planx ≥ 10 % of the baseline', measured: `${((100 * fig.baseline.wall) / planx.wall).toFixed(1)} % (CPU ${((100 * fig.baseline.cpu) / planx.cpu).toFixed(1)} %); in-process ${((100 * fig.baseline.wall) / fig['planx in-process (extract)'].wall).toFixed(1)} %`, met: fig.baseline.wall / planx.wall >= 0.1 },
  { goal: 'one 100 KB text < 0.5 s wall', measured: `${fig['planx extract, one 100 KB text'].wall.toFixed(3)} s`, met: fig['planx extract, one 100 KB text'].wall < 0.5 },
  { goal: 'planx --help < 0.25 s wall', measured: `${fig['planx --help'].wall.toFixed(3)} s`, met: fig['planx --help'].wall < 0.25 },
  { goal: 'cached re-run (report)', measured: `${fig['planx cached re-run (CLI)'].wall.toFixed(3)} s (${(mb / fig['planx cached re-run (CLI)'].wall).toFixed(1)} MB/s)`, met: '' },
].filter(Boolean);
console.table(goals);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
writeFileSync(join(OUT, 'goals.json'), JSON.stringify({ cpus: cpus().length, files: files.length, bytes, runs: RUNS, loadavg: loadavg(), figures: fig, goals }, null, 2) + '\n');
for (const f of readdirSync(OUT)) if (f.startsWith('goals-ds')) rmSync(join(OUT, f), { recursive: true, force: true });

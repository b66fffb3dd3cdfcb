#!/usr/bin/env node
/**
 * Soak test (issue 10 part 6): a batch of a few thousand documents, a share of them broken, through the
 * built CLI, while the CLI's memory is sampled. Checks afterwards that every input is accounted for in
 * manifest.json (ok, or failed with a reason; one entry per input, no more, no less) and prints how memory
 * went over the run (RSS in the first and last quarter, peak). Exit 1 when an input is lost or unexplained,
 * or when memory grows (last-quarter median above 1.5× the second-quarter median and 150 MB more).
 *
 *   npm run build && node bench/soak.mjs [--docs 3000] [--broken 0.15] [--max-bytes 1MB] [--keep]
 *
 * Good documents: slices of the seeds (each cut at a different line, numbered, so no two are the same),
 * the HTML and Markdown fixtures and the seed .docx fixtures. Broken ones, in turn: binary garbage named
 * .pdf/.docx, empty .txt, truncated .docx, invalid UTF-8 (lone continuation bytes), GBK bytes cut inside a
 * character, a file over --max-bytes, a FIFO named .txt, and a folder named .txt (searched: its one good
 * file counts). RSS is VmRSS of /proc/<pid>/status of the CLI process, worker threads included, every 200 ms.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planxBuild } from './planx.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = planxBuild().cli;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DOCS = Number(arg('--docs', '3000'));
const BROKEN_SHARE = Number(arg('--broken', '0.15'));
const MAX_BYTES = arg('--max-bytes', '1MB');
const MAX_BYTES_N = 1024 * 1024 * Number(/^(\d+)MB$/i.exec(MAX_BYTES)?.[1] ?? NaN);
if (!Number.isInteger(DOCS) || DOCS < 20) throw new Error('--docs must be a whole number >= 20');
if (!Number.isFinite(MAX_BYTES_N)) throw new Error('--max-bytes must be written as <n>MB here');

// ---- inputs ----------------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'planx-soak-'));
const inDir = join(work, 'in');
const out = join(work, 'out');
mkdirSync(inDir);

const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8').split('\n'));
const fixtures = join(ROOT, 'tests', 'fixtures');
const others = [
  ...readdirSync(fixtures).filter((f) => /\.(html|md)$/.test(f)).map((f) => join(fixtures, f)),
  ...readdirSync(join(fixtures, 'docx')).filter((f) => /^seed-\d+\.docx$/.test(f)).map((f) => join(fixtures, 'docx', f)),
];
const docxBytes = readFileSync(join(fixtures, 'docx', 'seed-000.docx'));
let rng = 0x2545f491; // xorshift: the same batch on every run
const rand = () => ((rng ^= rng << 13), (rng ^= rng >>> 17), (rng ^= rng << 5), (rng >>> 0) / 2 ** 32);
const bytesOf = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));

/** what a broken input is, and how it is made; `reason` is what its manifest error must match */
const BROKEN = [
  { kind: 'binary garbage .pdf', ext: 'pdf', make: () => bytesOf(3000), reason: /pdf/i },
  { kind: 'binary garbage .docx', ext: 'docx', make: () => bytesOf(3000), reason: /zip|docx/i },
  { kind: 'empty .txt', ext: 'txt', make: () => Buffer.alloc(0), reason: /empty|no text/i },
  { kind: 'truncated .docx', ext: 'docx', make: () => docxBytes.subarray(0, Math.floor(docxBytes.length / 2)), reason: /corrupt or truncated|zip/i },
  { kind: 'invalid UTF-8 .txt', ext: 'txt', make: () => Buffer.concat([Buffer.from('关于'), Buffer.from(Array.from({ length: 400 }, () => 0x80 + Math.floor(rand() * 0x40)))]), reason: /.+/, mayPass: true },
  { kind: 'GBK cut mid-character .txt', ext: 'txt', make: () => Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xb9]), reason: /.+/ },
  { kind: 'over --max-bytes .txt', ext: 'txt', make: () => Buffer.alloc(MAX_BYTES_N + 1, 0x41), reason: /over the limit/ },
  { kind: 'FIFO named .txt', ext: 'txt', fifo: true, reason: /not a regular file \(a FIFO\)/ },
];

const expected = new Map(); // path relative to inDir → the broken kind, or null for a good one
const nBroken = Math.round(DOCS * BROKEN_SHARE);
for (let i = 0; i < DOCS; i++) {
  const sub = join(inDir, `batch${String(i % 50).padStart(2, '0')}`);
  mkdirSync(sub, { recursive: true });
  const id = String(i).padStart(5, '0');
  if (i % Math.floor(DOCS / nBroken) === 0 && i / Math.floor(DOCS / nBroken) < nBroken) {
    const b = BROKEN[(i / Math.floor(DOCS / nBroken)) % BROKEN.length];
    const p = join(sub, `broken_${id}.${b.ext}`);
    if (b.fifo) execFileSync('mkfifo', [p]);
    else writeFileSync(p, b.make());
    expected.set(relative(inDir, p), b);
  } else if (i % 7 === 3) {
    const src = others[i % others.length];
    const p = join(sub, `doc_${id}${src.slice(src.lastIndexOf('.'))}`);
    writeFileSync(p, readFileSync(src));
    expected.set(relative(inDir, p), null);
  } else {
    const lines = seeds[i % seeds.length];
    const from = Math.floor(rand() * Math.max(1, lines.length - 60));
    const text = `${lines[0]}\n第${id}号\n${lines.slice(from, from + 40 + Math.floor(rand() * 80)).join('\n')}\n`;
    const p = join(sub, `doc_${id}.txt`);
    writeFileSync(p, text);
    expected.set(relative(inDir, p), null);
  }
}
// a folder named .txt is searched like any folder: its one file is an input, the folder is not
mkdirSync(join(inDir, 'folder.txt'));
writeFileSync(join(inDir, 'folder.txt', 'inside.txt'), `${seeds[0].slice(0, 60).join('\n')}\n`);
expected.set(join('folder.txt', 'inside.txt'), null);

// ---- run, sampling memory --------------------------------------------------------------------------
const rssOf = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
};
console.log(`soak: ${expected.size} inputs (${nBroken} broken) in ${inDir}; --max-bytes ${MAX_BYTES}`);
const t0 = Date.now();
const child = spawn(process.execPath, [CLI, 'extract', inDir, '--out', out, '--quiet', '--no-progress', '--max-bytes', MAX_BYTES], { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
child.stdout.resume();
child.stderr.on('data', (d) => (stderr += d));
const samples = [];
const timer = setInterval(() => {
  const r = rssOf(child.pid);
  if (r !== null) samples.push({ t: Date.now() - t0, rss: r });
}, 200);
const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
clearInterval(timer);
const seconds = (Date.now() - t0) / 1000;

// ---- account for every input -----------------------------------------------------------------------
const problems = [];
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
} catch (e) {
  problems.push(`no manifest.json (exit ${code}): ${e.message}\n${stderr.slice(-2000)}`);
}
const byReason = new Map();
const example = new Map(); // kind → the first failure message seen
let ok = 0;
if (manifest) {
  const seen = new Map(manifest.inputs.map((i) => [relative(inDir, i.path), i]));
  if (manifest.inputs.length !== expected.size) problems.push(`manifest lists ${manifest.inputs.length} inputs, ${expected.size} were given`);
  for (const [p, b] of expected) {
    const rec = seen.get(p);
    if (!rec) problems.push(`${p}: missing from the manifest`);
    else if (b === null && rec.status !== 'ok') problems.push(`${p}: a good document failed: ${rec.error}`);
    // lone continuation bytes can be a valid GB18030 text; decoding it is a fair outcome, losing it is not
    else if (b && rec.status !== 'failed' && !b.mayPass) problems.push(`${p} (${b.kind}): not failed`);
    else if (b && rec.status === 'failed' && !(rec.error && b.reason.test(rec.error))) problems.push(`${p} (${b.kind}): unexpected reason: ${rec.error}`);
    if (rec?.status === 'ok') ok++;
    if (rec?.status === 'failed') {
      const k = b?.kind ?? 'good document';
      byReason.set(k, (byReason.get(k) ?? 0) + 1);
      if (!example.has(k)) example.set(k, rec.error);
    }
  }
  for (const p of seen.keys()) if (!expected.has(p)) problems.push(`${p}: in the manifest but not an input`);
  for (const rec of manifest.inputs) if (rec.status === 'failed' && !rec.error) problems.push(`${rec.path}: failed without a reason`);
}

// ---- memory ----------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const q = Math.max(1, Math.floor(samples.length / 4));
const first = median(samples.slice(0, q).map((s) => s.rss));
const second = median(samples.slice(q, 2 * q).map((s) => s.rss));
const last = median(samples.slice(-q).map((s) => s.rss));
const peak = Math.max(...samples.map((s) => s.rss));
// The first quarter holds the start (worker threads loading the pipeline, JIT): RSS rises there by design.
// Growth is judged from the second quarter on, when every thread is warm.
const grew = last > 1.5 * second && last - second > 150;
if (grew) problems.push(`memory grew: RSS median ${second.toFixed(0)} MB in the second quarter, ${last.toFixed(0)} MB in the last`);

console.log(`time ${seconds.toFixed(1)} s (${(expected.size / seconds).toFixed(1)} docs/s), CLI exit ${code}`);
console.log(`inputs ${expected.size}: ok ${ok}, failed ${[...byReason.values()].reduce((a, b) => a + b, 0)}`);
for (const [k, n] of [...byReason].sort()) console.log(`  failed: ${k}: ${n}   e.g. ${example.get(k).slice(0, 160)}`);
console.log(`RSS (${samples.length} samples every 200 ms): first-quarter median ${first.toFixed(0)} MB, second ${second.toFixed(0)} MB, last-quarter median ${last.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
const tenth = Math.max(1, Math.floor(samples.length / 10));
console.log(`RSS median by tenth of the run (MB): ${Array.from({ length: 10 }, (_, k) => median(samples.slice(k * tenth, (k + 1) * tenth).map((s) => s.rss)).toFixed(0)).join(' ')}`);
for (const p of problems.slice(0, 30)) console.log(`PROBLEM ${p}`);
if (problems.length > 30) console.log(`… and ${problems.length - 30} more problems`);
console.log(problems.length ? `soak: FAILED (${problems.length} problems)` : 'soak: every input accounted for, memory flat');
if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
process.exitCode = problems.length ? 1 : 0;

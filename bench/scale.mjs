#!/usr/bin/env node
/**
 * Scaling benchmark (issue 10): time and memory at 1×, 10×, 100× one document's size and at 1×, 10×, 100×
 * the number of documents, reported as ratios, next to the bare-Node baseline (bench/baseline.mjs) on the
 * same bytes, and the CLI's cold start.
 *
 *   npm run build && node bench/scale.mjs [--quick]      (--quick: 1× and 10× only)
 *   PLANX_DIST=/other/dist node bench/scale.mjs          (measure another build)
 *
 * Inputs are generated, deterministic plan documents (篇/章/节, run-in items, numbered tasks with
 * responsibility brackets, 专栏 boxes, indicator tables) whose sentences are drawn from the seeds, so no
 * line repeats often enough to be taken for a running header. Each measurement runs in its own Node
 * process (peak RSS is that run's alone), JIT-warmed on one 1× document (and, for many documents, on the first 20 of them) first; runs shorter than a second
 * are repeated and the median kept. Extraction runs in-process through the library's `extract` (read + all stages;
 * no writers). Wall time and CPU time (user + system of the measuring process) are both reported: on a shared
 * machine the wall-time ratio to the baseline swings with the load, the CPU-time one much less.
 * Results: a table on stdout and bench/out/scale.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planxBuild } from './planx.mjs';
import { baseline } from './baseline.mjs';
import { prng } from './prng.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.PLANX_DIST ?? join(ROOT, 'dist');
const OUT = join(ROOT, 'bench', 'out', 'scale');
const SIZE_UNIT = 200_000; // bytes of the 1× document: a large real plan (seed 002 is 164 KB)
const COUNT_UNIT = 10; // documents at 1×
const COUNT_DOC = 20_000; // bytes of each of them: a typical work plan

// ---------- generated documents ----------

const CN = '零一二三四五六七八九';
function cn(n) {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
}

/** Sentences and short titles from the seeds: real plan language, markers and tables left out. */
function pools() {
  const sentences = [];
  const titles = [];
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(ROOT, 'seeds', f), 'utf8').split(/\r?\n/)) {
      if (line.includes('\t') || line.includes('[bookmark')) continue;
      const body = line.replace(/^\s*(?:第[一二三四五六七八九十]+[章节篇]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、]|——)\s*/, '').trim();
      for (const s of body.split('。')) {
        const t = s.trim();
        if (t.length >= 12 && t.length <= 160 && !/[¹²³⁴⁵⁶⁷⁸⁹*_{}]/.test(t)) sentences.push(t + '。');
        const head = t.split(/[，、；：,]/)[0];
        if (head.length >= 4 && head.length <= 14 && /^[\u4e00-\u9fff]+$/.test(head)) titles.push(head);
      }
    }
  }
  return { sentences, titles: [...new Set(titles)] };
}

const AGENCIES = ['市发展改革委', '市财政局', '市生态环境局', '市住房城乡建设局', '市交通运输局', '市水务局', '市农业农村局', '市自然资源局', '各区人民政府'];

/** One plan document of about `bytes` UTF-8 bytes; `seed` makes it differ from its siblings. */
export function generateDocument(bytes, seed, { sentences, titles }) {
  const r = prng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const para = (lo, hi) => Array.from({ length: lo + Math.floor(r() * (hi - lo + 1)) }, () => pick(sentences)).join('');
  const out = [`某某市“十四五”${pick(titles)}规划（${seed}）`, ''];
  let size = 0;
  const push = (line) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  // Numbering stays within what documents use (≤ 99 chapters, ≤ 99 sections): bigger documents get more sections.
  const chapters = Math.min(99, Math.max(1, Math.ceil(bytes / 12_000)));
  const sections = Math.min(99, Math.max(2, Math.ceil(bytes / chapters / 2_500)));
  let table = 0;
  let box = 0;
  for (let c = 1; c <= chapters && size < bytes; c++) {
    push(`第${cn(c)}章 ${pick(titles)}`);
    for (let s = 1; s <= sections && size < bytes; s++) {
      push(`第${cn(s)}节 ${pick(titles)}`);
      push(para(2, 4));
      const items = 2 + Math.floor(r() * 4);
      for (let k = 1; k <= items; k++) {
        push(`（${cn(k)}）${pick(titles)}。${para(1, 3)}`);
        if (r() < 0.4) {
          const tasks = 2 + Math.floor(r() * 3);
          for (let m = 1; m <= tasks; m++) push(`${m}. ${pick(sentences).replace(/。$/, '')}（牵头单位：${pick(AGENCIES)}；配合单位：${pick(AGENCIES)}、${pick(AGENCIES)}）`);
        }
      }
      if (r() < 0.12) {
        push(`专栏${++box} ${pick(titles)}`);
        for (let k = 0; k < 3; k++) push(`${pick(titles)}：${pick(sentences)}`);
      }
      if (r() < 0.12) {
        push(`表${++table} ${pick(titles)}主要指标`);
        push('序号\t指标\t单位\t2020年\t2025年\t属性');
        for (let k = 1; k <= 6; k++) push(`${k}\t${pick(titles)}\t%\t${(r() * 100).toFixed(1)}\t${(r() * 100).toFixed(1)}\t${r() < 0.5 ? '约束性' : '预期性'}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

function inputs(quick) {
  const p = pools();
  const mults = quick ? [1, 10] : [1, 10, 100];
  const sizeFiles = {};
  const countDirs = {};
  for (const m of mults) {
    const f = join(OUT, `size-${m}x.txt`);
    if (!existsSync(f)) writeFileSync(f, generateDocument(SIZE_UNIT * m, 1000 + m, p));
    sizeFiles[m] = [f];
    const dir = join(OUT, `count-${m}x`);
    const n = COUNT_UNIT * m;
    if (!existsSync(dir) || readdirSync(dir).length !== n) {
      mkdirSync(dir, { recursive: true });
      for (let k = 0; k < n; k++) writeFileSync(join(dir, `doc${String(k).padStart(4, '0')}.txt`), generateDocument(COUNT_DOC, k + 1, p));
    }
    countDirs[m] = readdirSync(dir).sort().map((x) => join(dir, x));
  }
  const warm = join(OUT, 'warmup.txt');
  if (!existsSync(warm)) writeFileSync(warm, generateDocument(SIZE_UNIT, 7, p));
  return { mults, sizeFiles, countDirs, warm };
}

// ---------- one measured run (child process) ----------

async function child(kind, files) {
  if (kind === 'baseline') {
    baseline(files); // warm
    let best = null;
    for (let k = 0; k < 3; k++) {
      const b = baseline(files);
      if (!best || b.ms < best.ms) best = b;
    }
    return { ms: best.ms, cpuMs: best.cpuMs, bytes: best.bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  }
  const { extract } = await planxBuild(DIST).api();
  const extractBytes = (path, bytes) => extract(path, { bytes });
  const warm = process.env.SCALE_WARM;
  for (let k = 0; k < 3; k++) await extractBytes(warm, readFileSync(warm));
  // and, for the count axis, on documents of the measured kind (small ones warm other paths than a large one)
  if (files.length > 1) for (const f of files.slice(0, 20)) await extractBytes(f, readFileSync(f));
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const once = async () => {
    const stages = {};
    let bytes = 0;
    let records = 0;
    let other = 0;
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    for (const f of files) {
      const buf = readFileSync(f);
      bytes += buf.length;
      const t1 = performance.now();
      const r = await extractBytes(f, buf);
      const total = performance.now() - t1;
      let staged = 0;
      for (const [k, v] of Object.entries(r.timings)) {
        stages[k] = (stages[k] ?? 0) + v;
        staged += v;
      }
      other += total - staged; // the document model (lines, normalisation) and the document record
      for (const a of Object.values(r.records)) records += a.length;
    }
    stages['(model)'] = other;
    const ms = performance.now() - t;
    const c = process.cpuUsage(cpu0);
    return { ms, cpuMs: (c.user + c.system) / 1000, bytes, records, stages };
  };
  const runs = [await once()];
  while (runs.length < 5 && runs.reduce((a, x) => a + x.ms, 0) < 1500) runs.push(await once());
  runs.sort((a, b) => a.ms - b.ms);
  const med = runs[Math.floor(runs.length / 2)];
  const cpus = runs.map((x) => x.cpuMs).sort((a, b) => a - b);
  return { ...med, cpuMs: cpus[Math.floor(cpus.length / 2)], runs: runs.length, rssBeforeMB: rssBefore, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

if (process.argv[2] === '--child') {
  const [kind, listFile] = process.argv.slice(3);
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  process.stdout.write(JSON.stringify(await child(kind, files)) + '\n');
  process.exit(0);
}

// ---------- driver ----------

function measure(kind, files, warm) {
  const list = join(OUT, `list-${process.pid}.json`);
  writeFileSync(list, JSON.stringify(files));
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', kind, list], {
    encoding: 'utf8',
    env: { ...process.env, SCALE_WARM: warm },
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${kind} run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function coldStart(args, n = 10) {
  const times = [];
  for (let k = 0; k < n; k++) {
    const t = performance.now();
    execFileSync(process.execPath, args, { stdio: 'pipe' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}

const fmt = (x, d = 0) => Number(x.toFixed(d));

async function main() {
  const quick = process.argv.includes('--quick');
  mkdirSync(OUT, { recursive: true });
  const nodeVersion = process.version;
  console.log(`planx scale: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, node ${nodeVersion}, dist ${DIST}`);
  const { mults, sizeFiles, countDirs, warm } = inputs(quick);
  const rows = [];
  for (const [axis, sets, unit] of [['size', sizeFiles, `1 doc of ${SIZE_UNIT / 1000} KB`], ['count', countDirs, `${COUNT_UNIT} docs of ${COUNT_DOC / 1000} KB`]]) {
    for (const m of mults) {
      const files = sets[m];
      const p = measure('planx', files, warm);
      const b = measure('baseline', files, warm);
      const row = {
        axis, mult: m, unit, MB: fmt(p.bytes / 1e6, 2), docs: files.length,
        ms: fmt(p.ms), 'MB/s': fmt(p.bytes / 1e6 / (p.ms / 1000), 2), 'docs/s': fmt(files.length / (p.ms / 1000), 1),
        'baseline MB/s': fmt(b.bytes / 1e6 / (b.ms / 1000), 1), 'vs baseline %': fmt((100 * b.ms) / p.ms, 2),
        // the same on CPU time: on a shared, loaded machine wall time swings 3–5×, CPU time much less
        'cpu MB/s': fmt(p.bytes / 1e6 / (p.cpuMs / 1000), 2), 'baseline cpu MB/s': fmt(b.bytes / 1e6 / (b.cpuMs / 1000), 1),
        'vs baseline % (cpu)': fmt((100 * b.cpuMs) / p.cpuMs, 2),
        'peak RSS MB': fmt(p.maxRssMB), 'RSS before MB': fmt(p.rssBeforeMB), records: p.records, runs: p.runs,
        stages: Object.fromEntries(Object.entries(p.stages).sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, fmt(v)])),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
  const ratio = (axis, m, key) => {
    const a = rows.find((r) => r.axis === axis && r.mult === 1)[key];
    const z = rows.find((r) => r.axis === axis && r.mult === m)[key];
    return fmt(z / a, 2);
  };
  const top = mults[mults.length - 1];
  // Generated inputs are only roughly 10× and 100× the 1× bytes: time is compared per byte as well.
  const ratios = {};
  for (const axis of ['size', 'count']) {
    for (const m of mults.slice(1)) {
      ratios[`${axis} ${m}×: bytes`] = ratio(axis, m, 'MB');
      ratios[`${axis} ${m}×: time`] = ratio(axis, m, 'ms');
      ratios[`${axis} ${m}×: time per byte`] = fmt(ratio(axis, m, 'ms') / ratio(axis, m, 'MB'), 2);
      ratios[`${axis} ${m}×: peak RSS`] = ratio(axis, m, 'peak RSS MB');
    }
  }
  const cli = coldStart([planxBuild(DIST).cli, '--help']);
  const bare = coldStart(['-e', '0']);
  const all = rows.filter((r) => r.axis === 'count' && r.mult === top)[0];
  const goals = {
    'text end-to-end >= 30 % of baseline': { measured: `${all['vs baseline %']} % (${all['MB/s']} vs ${all['baseline MB/s']} MB/s, ${top}× documents; CPU time: ${all['vs baseline % (cpu)']} %)`, met: all['vs baseline %'] >= 30 },
    [`linear in size (${top}× input within ${1.2 * top}× time)`]: { measured: `${ratios[`size ${top}×: time`]}× time for ${ratios[`size ${top}×: bytes`]}× bytes (${ratios[`size ${top}×: time per byte`]}× per byte)`, met: ratios[`size ${top}×: time per byte`] <= 1.2 },
    [`linear in count (${top}× input within ${1.2 * top}× time)`]: { measured: `${ratios[`count ${top}×: time`]}× time for ${ratios[`count ${top}×: bytes`]}× bytes (${ratios[`count ${top}×: time per byte`]}× per byte)`, met: ratios[`count ${top}×: time per byte`] <= 1.2 },
    'memory bounded by the largest document': { measured: `peak RSS ${ratios[`count ${top}×: peak RSS`]}× for ${top}× documents`, met: ratios[`count ${top}×: peak RSS`] <= 1.5 },
    'CLI start < 300 ms': { measured: `${fmt(cli)} ms (bare node ${fmt(bare)} ms)`, met: cli < 300 },
  };
  console.table(rows.map(({ stages, unit, ...r }) => r));
  console.table(ratios);
  console.table(Object.fromEntries(Object.entries(goals).map(([k, v]) => [k, { measured: v.measured, met: v.met ? 'yes' : 'NO' }])));
  writeFileSync(join(ROOT, 'bench', 'out', 'scale.json'), JSON.stringify({ cpus: cpus().length, memGiB: fmt(totalmem() / 2 ** 30, 1), node: nodeVersion, rows, ratios, cliStartMs: fmt(cli), bareNodeMs: fmt(bare), goals }, null, 2) + '\n');
}

await main();

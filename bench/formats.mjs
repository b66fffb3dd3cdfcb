#!/usr/bin/env node
/**
 * Throughput of the .docx and .pdf readers next to the usual tools, measured in one run:
 *   .docx  planx reader (and the whole pipeline) vs `pandoc -f docx -t markdown`
 *   .pdf   planx reader (and the whole pipeline) vs `pdftotext` (poppler)
 * Files: the corpus .docx/.pdf (../shared/corpus, or $PLANX_CORPUS) and the committed fixtures.
 * Pages: a PDF's page count; a .docx's <Pages> from docProps/app.xml (what Word/LibreOffice last laid out).
 *
 * planx runs in this process after one warm-up read (the batch case: pdf.js and the pipeline loaded once);
 * the tools run as processes, their start-up included, as a data team would call them. Each measurement is
 * the best of RUNS; wall time and CPU time (user+sys) are both kept, because on a loaded machine wall
 * time says more about the neighbours than about the reader. Ratios are planx pages/s ÷ tool pages/s.
 * PDFs are also summed in two groups, small (at most SMALL_PAGES pages, where the per-document costs of
 * pdf.js weigh most: fonts, streams) and large, with the median reader time per document next to the
 * best, and the reader's ms per small document (what a batch of short notices pays per file).
 * Every corpus file must come through `extract`, either extracted or with a clear InputError.
 *
 * Usage: npm run build && node bench/formats.mjs [--runs N] [--only docx|pdf]     (needs pandoc and poppler-utils)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planxBuild } from './planx.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.PLANX_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const SMALL_PAGES = 10;
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const DIST = process.env.PLANX_DIST ?? join(ROOT, 'dist');
const { readSource, extract } = await planxBuild(DIST).api();
const extractBytes = (path, bytes) => extract(path, { bytes });

const list = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);
const docx = [...list(CORPUS, '.docx'), ...list(join(ROOT, 'tests', 'fixtures', 'docx'), '.docx').filter((f) => !/corrupt|not-a-zip|^c\d\d_/.test(basename(f)))];
const pdf = [...list(CORPUS, '.pdf'), ...list(join(ROOT, 'tests', 'fixtures', 'pdf'), '.pdf').filter((f) => !/encrypted|scanned|^c\d\d_/.test(basename(f)))];

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/**
 * Best wall and CPU seconds of RUNS runs of an external command. Wall time is taken around the spawn, to
 * the microsecond (/usr/bin/time's %e has 10 ms steps, about what pdftotext takes on a short PDF, so short
 * PDFs read as 0.00 or 0.01 s); it includes starting the process (~5 ms from here), as a caller pays it.
 * CPU time comes from /usr/bin/time and keeps its 10 ms steps.
 */
function timeTool(argv) {
  let wall = Infinity;
  let cpu = Infinity;
  const walls = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', ...argv], { encoding: 'utf8' });
    const t = (performance.now() - t0) / 1000;
    const m = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || !m) return null;
    wall = Math.min(wall, t);
    cpu = Math.min(cpu, Number(m[2]) + Number(m[3]));
    walls.push(t);
  }
  return { wall, cpu, median: median(walls) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Best wall and CPU seconds of RUNS in-process calls. */
async function timeOurs(fn) {
  let wall = Infinity;
  let cpu = Infinity;
  let last;
  const walls = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await fn();
    const t = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, t);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
    walls.push(t);
  }
  return { wall, cpu, median: median(walls), last };
}

/** A .docx's page count: Word's <Pages>, else the pages of the fixture PDF LibreOffice made from the same source. */
function docxPages(path) {
  const r = spawnSync('unzip', ['-p', path, 'docProps/app.xml'], { encoding: 'utf8' });
  const m = /<Pages>(\d+)<\/Pages>/.exec(r.stdout ?? '');
  if (m) return Number(m[1]);
  const twin = join(ROOT, 'tests', 'fixtures', 'pdf', basename(path).replace(/\.docx$/, '.pdf'));
  const info = existsSync(twin) ? spawnSync('pdfinfo', [twin], { encoding: 'utf8' }).stdout ?? '' : '';
  const p = /^Pages:\s+(\d+)/m.exec(info);
  return p ? Number(p[1]) : null;
}

async function run(kind, files, tool) {
  const rows = [];
  // warm-up: load pdf.js / the pipeline once, as a batch does
  if (files.length) await extractBytes(files[0], readFileSync(files[0])).catch(() => null);
  for (const f of files) {
    const bytes = readFileSync(f);
    const name = basename(f);
    let status = 'ok';
    let pages = kind === 'docx' ? docxPages(f) : null;
    let sections = null;
    const reader = await timeOurs(() => readSource(f, bytes)).catch((e) => ({ error: e }));
    if (reader.error) status = `InputError: ${reader.error.message}`;
    else if (kind === 'pdf') pages = reader.last.pageStarts.length;
    const full = reader.error ? null : await timeOurs(() => extractBytes(f, bytes)).catch((e) => ({ error: e }));
    if (full?.error) status = `failed: ${full.error.message}`;
    else if (full) sections = full.last.records.sections.length;
    const theirs = tool ? timeTool(tool(f)) : null;
    rows.push({ kind, name, bytes: bytes.length, pages, status, sections, reader, full, theirs });
  }
  return rows;
}

const fmt = (x, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const rate = (pages, t) => (pages && t ? pages / t : null);

const results = [
  ...(ONLY === 'pdf' ? [] : await run('docx', docx, have('pandoc') ? (f) => ['pandoc', '-f', 'docx', '-t', 'markdown', '-o', '/dev/null', f] : null)),
  ...(ONLY === 'docx' ? [] : await run('pdf', pdf, have('pdftotext') ? (f) => ['pdftotext', f, '/dev/null'] : null)),
];

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; best of ${RUNS}; times in seconds (wall / cpu)`);
console.log(['file', 'pages', 'reader', 'pipeline', 'tool', 'reader p/s (wall)', 'tool p/s (wall)', 'ratio wall', 'ratio cpu', 'status'].join('\t'));
for (const r of results) {
  const rw = rate(r.pages, r.reader?.wall);
  const tw = rate(r.pages, r.theirs?.wall);
  console.log([
    r.name.slice(0, 40), r.pages ?? '—',
    r.reader?.error ? '—' : `${fmt(r.reader.wall, 3)}/${fmt(r.reader.cpu, 3)}`,
    r.full && !r.full.error ? `${fmt(r.full.wall, 3)}/${fmt(r.full.cpu, 3)}` : '—',
    r.theirs ? `${fmt(r.theirs.wall, 3)}/${fmt(r.theirs.cpu, 3)}` : '—',
    fmt(rw, 1), fmt(tw, 1),
    fmt(rw && tw ? rw / tw : null), fmt(r.theirs && !r.reader?.error ? (r.theirs.cpu || 0.001) / r.reader.cpu : null),
    r.status + (r.sections !== null ? ` (${r.sections} sections)` : ''),
  ].join('\t'));
}
/** Pages/s of a group of files (sums of times), best-of-RUNS and median-of-RUNS wall, and ms per document. */
function groupSummary(rs) {
  const pages = rs.reduce((a, r) => a + r.pages, 0);
  const sum = (get) => rs.reduce((a, r) => a + (get(r) ?? 0), 0);
  const s = {
    files: rs.length, pages,
    reader_pages_per_s_wall: pages / sum((r) => r.reader.wall), reader_pages_per_s_cpu: pages / sum((r) => r.reader.cpu),
    reader_pages_per_s_median_wall: pages / sum((r) => r.reader.median),
    reader_ms_per_doc_wall: (1000 * sum((r) => r.reader.wall)) / rs.length,
    reader_ms_per_doc_median_wall: (1000 * sum((r) => r.reader.median)) / rs.length,
    pipeline_pages_per_s_wall: pages / sum((r) => r.full?.wall), tool_pages_per_s_wall: pages / sum((r) => r.theirs?.wall),
    tool_pages_per_s_cpu: pages / sum((r) => r.theirs?.cpu), tool_pages_per_s_median_wall: pages / sum((r) => r.theirs?.median),
    tool_ms_per_doc_wall: (1000 * sum((r) => r.theirs?.wall)) / rs.length,
  };
  s.ratio_wall = s.reader_pages_per_s_wall / s.tool_pages_per_s_wall;
  s.ratio_cpu = s.reader_pages_per_s_cpu / s.tool_pages_per_s_cpu;
  s.ratio_median_wall = s.reader_pages_per_s_median_wall / s.tool_pages_per_s_median_wall;
  return s;
}
const summary = {};
for (const kind of ['docx', 'pdf']) {
  const rs = results.filter((r) => r.kind === kind && r.pages && !r.reader?.error);
  if (!rs.length) continue;
  const s = groupSummary(rs);
  summary[kind] = s;
  const tool = kind === 'docx' ? 'pandoc' : 'pdftotext';
  console.log(`${kind}: ${rs.length} files, ${s.pages} pages; reader ${fmt(s.reader_pages_per_s_wall, 1)} p/s wall (${fmt(s.reader_pages_per_s_cpu, 1)} cpu), pipeline ${fmt(s.pipeline_pages_per_s_wall, 1)} p/s; ${tool} ${fmt(s.tool_pages_per_s_wall, 1)} p/s wall (${fmt(s.tool_pages_per_s_cpu, 1)} cpu); ratio ${fmt(s.ratio_wall)} wall, ${fmt(s.ratio_cpu)} cpu`);
  if (kind !== 'pdf') continue;
  for (const [group, keep] of [['small', (r) => r.pages <= SMALL_PAGES], ['large', (r) => r.pages > SMALL_PAGES]]) {
    const g = rs.filter(keep);
    if (!g.length) continue;
    const gs = groupSummary(g);
    summary[`pdf_${group}`] = gs;
    console.log(`  pdf ${group} (${group === 'small' ? `<= ${SMALL_PAGES}` : `> ${SMALL_PAGES}`} pages): ${g.length} files, ${gs.pages} pages; reader ${fmt(gs.reader_pages_per_s_wall, 1)} p/s wall best (${fmt(gs.reader_pages_per_s_median_wall, 1)} median, ${fmt(gs.reader_pages_per_s_cpu, 1)} cpu), ${fmt(gs.reader_ms_per_doc_wall, 1)} ms/doc best (${fmt(gs.reader_ms_per_doc_median_wall, 1)} median); ${tool} ${fmt(gs.tool_pages_per_s_wall, 1)} p/s wall, ${fmt(gs.tool_ms_per_doc_wall, 1)} ms/doc; ratio ${fmt(gs.ratio_wall)} wall best, ${fmt(gs.ratio_median_wall)} median, ${fmt(gs.ratio_cpu)} cpu`);
  }
}
mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'out', 'formats.json'), JSON.stringify({ loadavg: loadavg(), runs: RUNS, summary, files: results.map((r) => ({ ...r, reader: r.reader?.error ? null : { wall: r.reader.wall, cpu: r.reader.cpu, median: r.reader.median }, full: r.full && !r.full.error ? { wall: r.full.wall, cpu: r.full.cpu, median: r.full.median } : null })) }, null, 2));
const failed = results.filter((r) => r.status.startsWith('failed'));
if (failed.length) {
  console.error(`${failed.length} file(s) crashed outside the reader: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}

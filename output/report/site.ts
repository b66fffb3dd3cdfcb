/**
 * `planx report <dataset> --out site/`: a static review site, openable from disk (file://), no server,
 * no network: index.html (every document with its record and diagnostic counts), doc-<doc_id>.html per
 * document (output/report/doc-page.ts) and compare.html (output/report/compare-page.ts). The folder is
 * written afresh: files of an earlier report that are no longer produced are removed, nothing else.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type DocRecords, type LoadedDataset } from '../load-dataset.js';
import { compareDataset } from '../compare.js';
import { docPage } from './doc-page.js';
import { comparePage } from './compare-page.js';
import { esc, page, pageHref, pageOf, table } from './html.js';

const COUNTED = ['sections', 'blocks', 'tasks', 'assignments', 'targets', 'tables', 'indicators', 'projects', 'footnotes'] as const;

function indexPage(ds: LoadedDataset): string {
  const sev = (d: DocRecords, s: string) => d.diagnostics.filter((g) => g.severity === s).length;
  const totals = COUNTED.map((k) => ds.documents.reduce((n, d) => n + d[k].length, 0));
  const rows = ds.documents.map((d) => [
    `<a href="${esc(pageHref(d.document.id))}">${esc(d.document.title || d.document.id)}</a><br><span class="muted">${esc(d.document.id)}</span>`,
    esc([d.document.kind, d.document.region, d.document.period].filter(Boolean).join(' · ')),
    esc(d.document.source.format),
    ...COUNTED.map((k) => `<span class="num">${d[k].length}</span>`),
    `<span class="sev-error">${sev(d, 'error')}</span> / <span class="sev-warning">${sev(d, 'warning')}</span> / <span class="sev-info">${sev(d, 'info')}</span>`,
  ]);
  rows.push(['<b>all documents</b>', '', '', ...totals.map((n) => `<b>${n}</b>`), String(ds.documents.reduce((n, d) => n + d.diagnostics.length, 0))]);
  const failed = (ds.manifest?.inputs ?? []).filter((i) => i.status === 'failed');
  const failures = failed.length
    ? `<h2>Inputs that failed (${failed.length})</h2>${table(['input', 'error'], failed.map((f) => [esc(f.path), esc(f.error ?? '')]))}`
    : '';
  const meta = ds.manifest ? `planx ${esc(ds.manifest.tool_version)} · schema ${esc(ds.manifest.schema_version)} · ${ds.agencies.length} agencies` : `${ds.agencies.length} agencies`;
  const body = `<section class="body"><p class="muted">${meta}</p>
${table(['document', 'kind · region · period', 'format', ...COUNTED, 'diagnostics (error / warning / info)'], rows)}
${failures}
<p><a href="compare.html">Compare the documents: shared indicators, agency load, task themes →</a></p></section>`;
  return page(`planx review — ${ds.documents.length} documents`, body);
}

export interface ReportResult {
  files: string[];
  documents: number;
}

export function writeReport(datasetDir: string, outDir: string): ReportResult {
  const ds = loadDataset(datasetDir);
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, html: string) => {
    writeFileSync(join(outDir, name), html);
    files.push(name);
  };
  write('index.html', indexPage(ds));
  for (const d of ds.documents) write(pageOf(d.document.id), docPage(d));
  write('compare.html', comparePage(compareDataset(ds)));
  // remove pages of documents no longer in the dataset (only files this command writes)
  const keep = new Set(files);
  for (const n of existsSync(outDir) ? readdirSync(outDir) : []) {
    if (/^doc-.*\.html$/.test(n) && !keep.has(n)) rmSync(join(outDir, n));
  }
  return { files, documents: ds.documents.length };
}

/**
 * `planx report <dataset> --out site/`: a static review site, openable from disk (file://), no server,
 * no network: index.html (every document with its record and diagnostic counts; each column header links
 * to a copy of the index sorted by that column — index-by-<column>.html — since the pages run no script),
 * doc-<doc_id>.html per document (workflows/report/doc-page.ts) and compare.html (workflows/report/compare-page.ts).
 * The folder is replaced as a whole, atomically (workflows/report/folder.ts): no page of an earlier report
 * survives.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadDataset, type DocRecords, type LoadedDataset } from '../../output/load-dataset.js';
import { compareDataset } from '../compare.js';
import { docPage } from './doc-page.js';
import { comparePage } from './compare-page.js';
import { replaceFolder } from './folder.js';
import { esc, page, pageHref, pageOf, planTitle } from './html.js';

const COUNTED = ['sections', 'blocks', 'tasks', 'assignments', 'targets', 'tables', 'indicators', 'projects', 'footnotes'] as const;

interface IndexColumn {
  key: string;
  label: string;
  /** sort value of a document; strings sort ascending first, numbers descending first */
  value: (d: DocRecords) => string | number;
}

const sev = (d: DocRecords, s: string) => d.diagnostics.filter((g) => g.severity === s).length;

const COLUMNS: IndexColumn[] = [
  { key: 'document', label: 'document', value: (d) => planTitle(d.document) },
  { key: 'kind', label: 'kind · region · period', value: (d) => [d.document.kind, d.document.region, d.document.period].filter(Boolean).join(' · ') },
  { key: 'format', label: 'format', value: (d) => d.document.source.format },
  ...COUNTED.map((k): IndexColumn => ({ key: k, label: k, value: (d) => d[k].length })),
  { key: 'diagnostics', label: 'diagnostics (error / warning / info)', value: (d) => sev(d, 'error') * 1e6 + sev(d, 'warning') * 1e3 + sev(d, 'info') },
];

export const indexFile = (key: string | null, reverse = false) => (key === null ? 'index.html' : `index-by-${key}${reverse ? '-rev' : ''}.html`);

function sorted(docs: DocRecords[], col: IndexColumn, reverse: boolean): DocRecords[] {
  const keyed = docs.map((d, i) => ({ d, i, v: col.value(d) }));
  keyed.sort((a, b) => {
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? b.v - a.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
    return (reverse ? -c : c) || a.i - b.i; // ties keep the dataset order
  });
  return keyed.map((k) => k.d);
}

function indexPage(ds: LoadedDataset, sortKey: string | null, reverse: boolean): string {
  const col = COLUMNS.find((c) => c.key === sortKey);
  const docs = col ? sorted(ds.documents, col, reverse) : ds.documents;
  const head = COLUMNS.map((c) => {
    const here = c.key === sortKey;
    const href = indexFile(c.key, here && !reverse);
    const arrow = here ? (reverse ? ' ▲' : ' ▼') : '';
    return `<th><a class="sort" href="${esc(href)}" title="sort by ${esc(c.label)}">${esc(c.label)}${arrow}</a></th>`;
  });
  const rows = docs.map((d) => [
    `<a href="${esc(pageHref(d.document.id))}">${esc(planTitle(d.document) || d.document.id)}</a><br><span class="muted">${esc(d.document.id)}</span>`,
    esc(COLUMNS[1].value(d)),
    esc(d.document.source.format),
    ...COUNTED.map((k) => `<span class="num">${d[k].length}</span>`),
    `<span class="sev-error">${sev(d, 'error')}</span> / <span class="sev-warning">${sev(d, 'warning')}</span> / <span class="sev-info">${sev(d, 'info')}</span>`,
  ]);
  const totals = COUNTED.map((k) => ds.documents.reduce((n, d) => n + d[k].length, 0));
  const totalRow = ['<b>all documents</b>', '', '', ...totals.map((n) => `<b>${n}</b>`), String(ds.documents.reduce((n, d) => n + d.diagnostics.length, 0))];
  const tr = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const indexTable = `<div class="scroll"><table class="index"><thead><tr>${head.join('')}</tr></thead><tbody>\n${rows.map(tr).join('\n')}\n</tbody><tfoot>${tr(totalRow)}</tfoot></table></div>`;
  const failed = (ds.manifest?.inputs ?? []).filter((i) => i.status === 'failed');
  const failures = failed.length
    ? `<h2>Inputs that failed (${failed.length})</h2><table><thead><tr><th>input</th><th>error</th></tr></thead><tbody>${failed.map((f) => tr([esc(f.path), esc(f.error ?? '')])).join('')}</tbody></table>`
    : '';
  const meta = ds.manifest ? `planx ${esc(ds.manifest.tool_version)} · schema ${esc(ds.manifest.schema_version)} · ${ds.agencies.length} agencies` : `${ds.agencies.length} agencies`;
  const order = col ? ` · sorted by ${esc(col.label)}${reverse ? ' (reversed)' : ''} · <a href="index.html">dataset order</a>` : ' · click a column header to sort';
  const body = `<section class="body"><p class="muted">${meta}${order}</p>
${indexTable}
${failures}
<p><a href="compare.html">Compare the documents: shared indicators, agency load, task themes →</a></p></section>`;
  return page(`planx review — ${ds.documents.length} documents`, body);
}

/**
 * A link from the site folder to a document's original file. `source.path` is as given to `planx extract`
 * (relative to the folder it ran in): it is looked for from the current folder, then beside the dataset.
 */
function sourceHref(sourcePath: string, datasetDir: string, outDir: string): string | null {
  const candidates = [resolve(sourcePath), resolve(datasetDir, '..', sourcePath), resolve(datasetDir, sourcePath)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) return null;
  return relative(resolve(outDir), found).split(sep).map(encodeURIComponent).join('/');
}

export interface ReportResult {
  files: string[];
  documents: number;
}

export function writeReport(datasetDir: string, outDir: string): ReportResult {
  const ds = loadDataset(datasetDir);
  return replaceFolder(outDir, 'report', (dir) => {
    const files: string[] = [];
    const write = (name: string, html: string) => {
      writeFileSync(join(dir, name), html);
      files.push(name);
    };
    write('index.html', indexPage(ds, null, false));
    for (const c of COLUMNS) for (const rev of [false, true]) write(indexFile(c.key, rev), indexPage(ds, c.key, rev));
    for (const d of ds.documents) write(pageOf(d.document.id), docPage(d, { sourceHref: sourceHref(d.document.source.path, datasetDir, outDir) }));
    write('compare.html', comparePage(compareDataset(ds)));
    return { files, documents: ds.documents.length };
  });
}

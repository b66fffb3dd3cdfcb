/**
 * The report's compare page (also written by `planx compare`): indicators aligned across documents with
 * each document's baseline and targets side by side and a chart where values are numbers, agency load,
 * task themes. Every name links to its place on the document's page.
 */
import type { Comparison } from '../compare.js';
import { esc, hrefTo, page, pageHref, table } from './html.js';
import { groupedBars, stackedBars } from './charts.js';

const ROLE_KEYS = ['lead', 'participate', 'implement', 'responsible'] as const;
const ROLE_LABEL = ['牵头 lead', '参加 participate', '落实 implement', '负责 responsible'];

export function comparePage(c: Comparison, opts: { linkDocs?: boolean } = {}): string {
  const docs = new Map(c.documents.map((d) => [d.id, d]));
  const docLabel = (id: string) => docs.get(id)?.plan_title || docs.get(id)?.title || id;
  const docLink = (id: string, label = docLabel(id)) => (opts.linkDocs === false ? esc(label) : `<a href="${esc(pageHref(id))}">${esc(label)}</a>`);
  const recLink = (docId: string, recId: string, label: string) =>
    opts.linkDocs === false ? esc(label) : `<a href="${esc(pageHref(docId) + hrefTo(recId))}">${esc(label)}</a>`;

  const shared = c.indicators.filter((i) => i.doc_ids.length > 1);
  const sections = shared.map((ind, k) => {
    const rows = ind.measures.map((m) => [
      docLink(m.doc_id),
      recLink(m.doc_id, m.record_id, m.name),
      esc(m.source === 'table' ? '表' : '正文'),
      esc(m.unit ?? ''),
      esc(m.baseline ? `${m.baseline.year !== null ? `${m.baseline.year}: ` : ''}${m.baseline.text}` : ''),
      esc(m.targets.map((t) => `${t.year !== null ? `${t.year}: ` : ''}${t.text}`).join('；')),
    ]);
    const groups = ind.doc_ids.map((d) => {
      const bars: Array<{ series: string; value: number }> = [];
      for (const m of ind.measures.filter((x) => x.doc_id === d)) {
        if (m.baseline?.value != null) bars.push({ series: `baseline${m.baseline.year !== null ? ` ${m.baseline.year}` : ''}`, value: m.baseline.value });
        for (const t of m.targets) if (t.value !== null) bars.push({ series: `target${t.year !== null ? ` ${t.year}` : ''}`, value: t.value });
      }
      // one bar per series and document: the first value stated
      const seen = new Set<string>();
      return { label: docLabel(d), bars: bars.filter((b) => (seen.has(b.series) ? false : (seen.add(b.series), true))) };
    });
    const numeric = groups.filter((g) => g.bars.length).length >= 2;
    const chart = numeric ? groupedBars(`${ind.name} (${ind.unit ?? ''})`, groups.filter((g) => g.bars.length)) : '';
    return `<h3 id="ind-${k}">${esc(ind.name)}${ind.unit ? ` <span class="muted">(${esc(ind.unit)})</span>` : ''} <span class="muted">${ind.doc_ids.length} documents</span></h3>
${chart}${table(['document', 'as written', 'from', 'unit', 'baseline', 'targets'], rows)}`;
  });

  // agency load: the 20 agencies with most tasks over all documents
  const totals = new Map<string, { name: string; parts: number[] }>();
  for (const a of c.agencyLoad) {
    const t = totals.get(a.agency_id) ?? { name: a.agency, parts: [0, 0, 0, 0] };
    ROLE_KEYS.forEach((r, i) => (t.parts[i] += a[r]));
    totals.set(a.agency_id, t);
  }
  const topAgencies = [...totals.values()].sort((a, b) => b.parts.reduce((x, y) => x + y, 0) - a.parts.reduce((x, y) => x + y, 0) || (a.name < b.name ? -1 : 1)).slice(0, 20);
  const agencyChart = stackedBars('agency load', ROLE_LABEL, topAgencies.map((t) => ({ label: t.name, parts: t.parts })));
  const agencyTable = table(
    ['document', 'agency', 'tasks', 'lead', 'participate', 'implement', 'responsible'],
    c.agencyLoad.map((a) => [docLink(a.doc_id), esc(a.agency), String(a.tasks), String(a.lead), String(a.participate), String(a.implement), String(a.responsible)]),
  );

  const themeNames = [...new Set(c.themes.map((t) => t.theme))];
  const themeRows = c.documents
    .filter((d) => c.themes.some((t) => t.doc_id === d.id))
    .map((d) => ({ label: docLabel(d.id), parts: themeNames.map((th) => c.themes.find((t) => t.doc_id === d.id && t.theme === th)?.tasks ?? 0) }));
  const themeChart = stackedBars('task themes', themeNames, themeRows);
  const themeTable = table(['document', ...themeNames], themeRows.map((r, i) => [docLink(c.documents.filter((d) => c.themes.some((t) => t.doc_id === d.id))[i].id, r.label), ...r.parts.map(String)]));

  const others = c.indicators.filter((i) => i.doc_ids.length === 1);
  const body = `<section class="body">
<p class="muted">${c.documents.length} documents · ${shared.length} indicators found in more than one document · ${others.length} in one only. Charts are drawn from the numeric values; text targets (完成省下达目标…) are listed only.</p>
<h2>Indicators shared by documents</h2>
${sections.join('\n') || '<p>No indicator appears in more than one document.</p>'}
<h2>Agency load</h2>
<p class="muted">Tasks per agency and role, the 20 busiest agencies over all documents.</p>
${agencyChart}
<details><summary>per document (${c.agencyLoad.length} rows)</summary>${agencyTable}</details>
<h2>Task themes</h2>
${themeChart}
${themeTable}
<h2>Indicators in one document only (${others.length})</h2>
<details><summary>list</summary>${table(['indicator', 'unit', 'document'], others.map((i) => [recLink(i.doc_ids[0], i.measures[0].record_id, i.name), esc(i.unit ?? ''), docLink(i.doc_ids[0])]))}</details>
</section>`;
  return page('Compare documents', body, opts.linkDocs === false ? { standalone: true } : { up: 'index.html' });
}

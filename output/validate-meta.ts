/**
 * `planx validate` for a document's metadata beyond its schema: every `meta_spans` entry lies inside
 * texts/<doc_id>.txt and points at what the field says (the 文号, each issuer, the date, the region, the
 * titles), and `meta_spans.issuers` pairs up with `issuers`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDate } from '../model/dates.js';

type Span = { start: number; end: number };
const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');

export function checkDocumentMeta(dir: string, r: Record<string, unknown>, report: (m: string) => void): void {
  const spans = r.meta_spans as Record<string, Span | Array<Span | null>> | undefined;
  if (!spans || typeof r.id !== 'string') return;
  const p = join(dir, 'texts', `${r.id}.txt`);
  if (!existsSync(p)) return; // reported with the document
  const cps = Array.from(readFileSync(p, 'utf8'));
  const at = (field: string, s: Span): string | null => {
    if (typeof s?.start !== 'number' || typeof s?.end !== 'number') return null; // the schema check reports it
    if (s.start < 0 || s.end < s.start || s.end > cps.length) {
      report(`meta_spans.${field} [${s.start}, ${s.end}) is outside texts/${r.id}.txt (${cps.length} code points)`);
      return null;
    }
    return cps.slice(s.start, s.end).join('');
  };
  const same = (field: string, value: unknown, text: string | null, ok: (t: string, v: string) => boolean) => {
    if (text === null || typeof value !== 'string') return;
    if (!ok(text, value)) report(`meta_spans.${field} points at ${JSON.stringify(text.slice(0, 60))}, not at ${field} ${JSON.stringify(value.slice(0, 60))}`);
  };
  const equal = (t: string, v: string) => squash(t) === squash(v);
  for (const f of ['title', 'plan_title', 'doc_number'] as const) if (spans[f]) same(f, r[f], at(f, spans[f] as Span), equal);
  if (spans.region) same('region', r.region, at('region', spans.region as Span), equal);
  if (spans.issued_on) same('issued_on', r.issued_on, at('issued_on', spans.issued_on as Span), (t, v) => isoDate(squash(t)) === v);
  if (spans.period) at('period', spans.period as Span);
  if (spans.issuers) {
    const list = spans.issuers as Array<Span | null>;
    const issuers = Array.isArray(r.issuers) ? (r.issuers as unknown[]) : [];
    if (list.length !== issuers.length) report(`meta_spans.issuers has ${list.length} entries for ${issuers.length} issuers`);
    list.forEach((s, i) => {
      if (s) same(`issuers[${i}]`, issuers[i], at(`issuers[${i}]`, s), (t, v) => squash(t).replace(/[（(](?:代章|盖章|印章|公章|签章)[)）]$/, '') === squash(v));
    });
  }
}

// Shared by the genre tests of document identity (metadata-genre*.test.ts): a body every notice carries, the
// expected identity of a document, and the check that compares it field by field and checks every span.
import { extractBytes } from '../pipeline/run.js';

export type Level = 'national' | 'province' | 'city' | 'county' | 'township' | null;
export interface Want {
  title: string;
  plan_title?: string; // omitted: equal to title
  kind: 'plan' | 'work_plan' | 'implementation_plan' | 'explanatory_note' | 'other';
  doc_number: string | null;
  issuers: string[];
  issued_on: string | null;
  region: string | null;
  level: Level;
  period: string | null;
  period_years: { start: number; end: number } | null;
}

export interface GenreDoc {
  name: string;
  file: string;
  bytes: () => Uint8Array;
  want: Want;
}

const enc = (s: string) => new TextEncoder().encode(s);
const spanText = (text: string, s: { start: number; end: number } | null | undefined) => (s ? Array.from(text).slice(s.start, s.end).join('') : null);

export const BODY = `一、总体要求
到2025年，主要指标达到全省先进水平。
二、重点任务
（一）完善基础设施。新建改造管网120公里。（牵头单位：住房城乡建设局；配合单位：财政局）
（二）强化要素保障。每年安排专项资金不少于5000万元。（责任单位：财政局）
三、保障措施
加强组织领导，建立工作推进机制。
`;

/** A list of documents and the function that adds one (text, or bytes built on demand). */
export function genreDocs(): { docs: GenreDoc[]; add: (name: string, file: string, content: string | (() => Uint8Array), want: Want) => void } {
  const docs: GenreDoc[] = [];
  return { docs, add: (name, file, content, want) => docs.push({ name, file, bytes: typeof content === 'string' ? () => enc(content) : content, want }) };
}

/** Extract one document and compare every identity field; every span given must point at its value. */
export async function expectIdentity(d: GenreDoc): Promise<void> {
  const r = await extractBytes(d.file, d.bytes());
  const x = r.document;
  const got = { title: x.title, plan_title: x.plan_title, kind: x.kind, doc_number: x.doc_number, issuers: x.issuers, issued_on: x.issued_on, region: x.region, level: x.level, period: x.period, period_years: x.period_years };
  expect(got).toEqual({ ...d.want, plan_title: d.want.plan_title ?? d.want.title });
  const s = x.meta_spans ?? {};
  for (const f of ['title', 'plan_title', 'doc_number', 'region'] as const) {
    const at = spanText(r.text, s[f]);
    if (at !== null) expect(at.replace(/\s+/g, '')).toBe(String(x[f]).replace(/\s+/g, ''));
  }
  (s.issuers ?? []).forEach((sp, i) => sp && expect(spanText(r.text, sp)!.replace(/\s+/g, '').replace(/（盖章）$/, '')).toBe(x.issuers![i]));
}

/**
 * Charts for the compare page as inline SVG written here: no charting library is installed locally,
 * and the report must load nothing from the network, so two small chart kinds are drawn by hand —
 * grouped vertical bars (an indicator's values per document) and horizontal stacked bars (agency load,
 * task themes). Every label is escaped; sizes are fixed so pages render the same everywhere.
 */
import { esc } from './html.js';

const PALETTE = ['#4263eb', '#f08c00', '#2f9e44', '#c2255c', '#7048e8', '#1098ad', '#e8590c', '#5c940d', '#868e96', '#d6336c'];

export function color(i: number): string {
  return PALETTE[i % PALETTE.length];
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : String(Math.round(v * 100) / 100));
const clip = (s: string, n: number) => (Array.from(s).length > n ? Array.from(s).slice(0, n - 1).join('') + '…' : s);

/** Grouped bars: one group per category (e.g. document), one bar per series (e.g. baseline, 2025 target). */
export function groupedBars(title: string, groups: Array<{ label: string; bars: Array<{ series: string; value: number }> }>): string {
  const series = [...new Set(groups.flatMap((g) => g.bars.map((b) => b.series)))];
  const values = groups.flatMap((g) => g.bars.map((b) => b.value));
  if (!values.length) return '';
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const span = top - bottom || 1;
  const barW = 18;
  const groupW = Math.max(series.length * barW + 24, 140);
  const H = 160;
  const left = 40;
  const width = left + groups.length * groupW + 10;
  const y = (v: number) => 20 + ((top - v) / span) * H;
  const parts: string[] = [];
  parts.push(`<line x1="${left}" x2="${width}" y1="${y(0)}" y2="${y(0)}" stroke="#adb5bd"/>`);
  parts.push(`<text x="${left - 4}" y="${y(top) + 4}" text-anchor="end" font-size="10">${esc(fmt(top))}</text>`);
  if (bottom < 0) parts.push(`<text x="${left - 4}" y="${y(bottom) + 4}" text-anchor="end" font-size="10">${esc(fmt(bottom))}</text>`);
  groups.forEach((g, gi) => {
    const x0 = left + gi * groupW + 12;
    g.bars.forEach((b) => {
      const si = series.indexOf(b.series);
      const x = x0 + si * barW;
      const y1 = y(Math.max(b.value, 0));
      const h = Math.max(1, Math.abs(y(b.value) - y(0)));
      parts.push(`<rect x="${x}" y="${y1}" width="${barW - 3}" height="${h}" fill="${color(si)}"><title>${esc(`${g.label} · ${b.series}: ${fmt(b.value)}`)}</title></rect>`);
      parts.push(`<text x="${x + (barW - 3) / 2}" y="${y1 - 3}" text-anchor="middle" font-size="9">${esc(fmt(b.value))}</text>`);
    });
    parts.push(`<text x="${x0}" y="${20 + H + 16}" font-size="11">${esc(clip(g.label, 10))}</text>`);
  });
  const legend = series.map((s, i) => `<rect x="${left + i * 110}" y="${H + 44}" width="10" height="10" fill="${color(i)}"/><text x="${left + i * 110 + 14}" y="${H + 53}" font-size="11">${esc(clip(s, 14))}</text>`).join('');
  return `<svg role="img" aria-label="${esc(title)}" width="${Math.max(width, left + series.length * 110)}" height="${H + 64}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${parts.join('')}${legend}</svg>`;
}

/** Horizontal stacked bars: one row per label, one coloured part per key. */
export function stackedBars(title: string, keys: string[], rows: Array<{ label: string; parts: number[] }>): string {
  if (!rows.length) return '';
  const total = Math.max(1, ...rows.map((r) => r.parts.reduce((a, b) => a + b, 0)));
  const labelW = 190;
  const W = 420;
  const rowH = 20;
  const scale = W / total;
  const out: string[] = [];
  rows.forEach((r, ri) => {
    const y = 8 + ri * rowH;
    out.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end" font-size="12">${esc(clip(r.label, 16))}</text>`);
    let x = labelW;
    r.parts.forEach((v, k) => {
      if (!v) return;
      out.push(`<rect x="${x}" y="${y + 2}" width="${v * scale}" height="${rowH - 5}" fill="${color(k)}"><title>${esc(`${r.label} · ${keys[k]}: ${v}`)}</title></rect>`);
      x += v * scale;
    });
    out.push(`<text x="${x + 4}" y="${y + 13}" font-size="10">${r.parts.reduce((a, b) => a + b, 0)}</text>`);
  });
  const ly = 8 + rows.length * rowH + 8;
  const legend = keys.map((k, i) => `<rect x="${labelW + i * 140}" y="${ly}" width="10" height="10" fill="${color(i)}"/><text x="${labelW + i * 140 + 14}" y="${ly + 9}" font-size="11">${esc(clip(k, 16))}</text>`).join('');
  return `<svg role="img" aria-label="${esc(title)}" width="${labelW + Math.max(W + 40, keys.length * 140)}" height="${ly + 24}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${out.join('')}${legend}</svg>`;
}

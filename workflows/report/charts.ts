/**
 * Charts for the compare page as inline SVG written here: no charting library is installed locally,
 * and the report must load nothing from the network, so two small chart kinds are drawn by hand —
 * grouped vertical bars (an indicator's values per document) and horizontal stacked bars (agency load,
 * task themes). Every label is escaped; sizes are fixed so pages render the same everywhere.
 */
import { codePoints } from '../../model/chars.js';
import { esc } from './html.js';

const PALETTE = ['#4263eb', '#f08c00', '#2f9e44', '#c2255c', '#7048e8', '#1098ad', '#e8590c', '#5c940d', '#868e96', '#d6336c'];

export function color(i: number): string {
  return PALETTE[i % PALETTE.length];
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : String(Math.round(v * 100) / 100));
const clip = (s: string, n: number) => (codePoints(s) > n ? Array.from(s).slice(0, n - 1).join('') + '…' : s);

/** Rough width of a text in px: a CJK (full-width) character is about the font size, others about 0.6 of it. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? fontSize : fontSize * 0.6;
  return w;
}

/** A label cut into lines of at most `perLine` characters, at most `maxLines` lines (the last one ends in … if cut). */
export function wrapLabel(s: string, perLine: number, maxLines: number): string[] {
  const chars = Array.from(s);
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  if (chars.length > perLine * maxLines) lines[maxLines - 1] = clip(lines[maxLines - 1] + '……', perLine);
  return lines;
}

/**
 * A legend: every key with its colour and its whole text (never clipped), items flowing left to right and
 * wrapping onto new rows within `width`. Returns the SVG and the height it takes.
 */
export function legend(keys: string[], x0: number, y0: number, width: number): { svg: string; height: number } {
  const out: string[] = [];
  let x = x0;
  let y = y0;
  for (const [i, k] of keys.entries()) {
    const w = 14 + textWidth(k, 11) + 16;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += 18;
    }
    out.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${color(i)}"/><text class="legend-key" x="${x + 14}" y="${y + 9}" font-size="11">${esc(k)}</text>`);
    x += w;
  }
  return { svg: out.join(''), height: keys.length ? y - y0 + 18 : 0 };
}

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
    // the document's (plan) title on up to three lines under its bars; the whole title on hover
    const perLine = Math.max(4, Math.floor((groupW - 8) / 11));
    const lines = wrapLabel(g.label, perLine, 3);
    parts.push(`<text class="group-label" x="${x0}" y="${20 + H + 16}" font-size="11"><title>${esc(g.label)}</title>${lines.map((l, i) => `<tspan x="${x0}" dy="${i ? 13 : 0}">${esc(l)}</tspan>`).join('')}</text>`);
  });
  const svgW = Math.max(width, 360);
  const leg = legend(series, left, H + 72, svgW - left - 10);
  return `<svg role="img" aria-label="${esc(title)}" width="${svgW}" height="${H + 76 + leg.height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${parts.join('')}${leg.svg}</svg>`;
}

/** Horizontal stacked bars: one row per label, one coloured part per key. */
export function stackedBars(title: string, keys: string[], rows: Array<{ label: string; parts: number[] }>): string {
  if (!rows.length) return '';
  const total = Math.max(1, ...rows.map((r) => r.parts.reduce((a, b) => a + b, 0)));
  const labelW = 270;
  const W = 420;
  const rowH = 20;
  const scale = W / total;
  const out: string[] = [];
  rows.forEach((r, ri) => {
    const y = 8 + ri * rowH;
    out.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end" font-size="12"><title>${esc(r.label)}</title>${esc(clip(r.label, 21))}</text>`);
    let x = labelW;
    r.parts.forEach((v, k) => {
      if (!v) return;
      out.push(`<rect x="${x}" y="${y + 2}" width="${v * scale}" height="${rowH - 5}" fill="${color(k)}"><title>${esc(`${r.label} · ${keys[k]}: ${v}`)}</title></rect>`);
      x += v * scale;
    });
    out.push(`<text x="${x + 4}" y="${y + 13}" font-size="10">${r.parts.reduce((a, b) => a + b, 0)}</text>`);
  });
  const ly = 8 + rows.length * rowH + 8;
  const leg = legend(keys, labelW, ly, W + 40);
  return `<svg role="img" aria-label="${esc(title)}" width="${labelW + W + 40}" height="${ly + leg.height + 6}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${out.join('')}${leg.svg}</svg>`;
}

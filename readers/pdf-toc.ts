/**
 * Table-of-contents entries whose page number sits close after the title. With a tab stop just past a long
 * title (`第四章 强化减污降碳，积极应对气候变化 35`) the gap before the number is a blank, not a cell gap,
 * and the line reads like a chapter heading with `35` in its title. Among other TOC entries (dot leaders
 * and a number, or a number in a cell of its own, within two lines on the same page) such a heading-shaped
 * line ending in a number gets the tab a text export writes there (`…气候变化\t35`), so the segmenter
 * reads it as a TOC entry, never as a heading of the body. One pass over the lines.
 */
import type { VisualLine } from './pdf-lines.js';

type Role = 'body' | 'foot' | 'drop';

const HEADING_START = /^(?:第[一二三四五六七八九十百零〇\d]{1,4}[章节篇部分编]|[一二三四五六七八九十]{1,3}[、．.]|（[一二三四五六七八九十]{1,3}）|附[件图表录]|[图表]\s?\d{1,3})/;
const TRAILING_PAGE = /([\u4e00-\u9fff，、：）)”》])\s?(\d{1,4})$/;
const TOC_LIKE = /(?:[.．·…‥・]{3}\s*|\t)\d{1,4}$/;
const REACH = 2;

export function splitTocNumbers(pages: VisualLine[][], roles: Role[][], texts: string[][]): void {
  for (let p = 0; p < pages.length; p++) {
    const t = texts[p];
    for (let i = 0; i < t.length; i++) {
      if (roles[p][i] !== 'body' || t[i].includes('\t') || !HEADING_START.test(t[i]) || !TRAILING_PAGE.test(t[i])) continue;
      let near = false;
      for (let k = Math.max(0, i - REACH); k <= Math.min(t.length - 1, i + REACH) && !near; k++) {
        near = k !== i && roles[p][k] === 'body' && TOC_LIKE.test(t[k]);
      }
      if (near) t[i] = t[i].replace(TRAILING_PAGE, '$1\t$2');
    }
  }
}

/**
 * A bound on element nesting before the HTML parser sees the page. parse5 follows the browser's rules, and
 * those scan the stack of open elements for many tags, so a page nesting 100 000 <div>s takes minutes
 * (measured: 20 000 levels, 20 s; the time grows with the square of the depth). No real page nests deeper
 * than a few hundred levels, so tags past MAX_DEPTH are dropped here (their text is kept, inline) in one
 * linear scan; a page within the bound is returned unchanged.
 */

/** Deeper than any real page (government CMS pages measured: under 60 levels). */
export const MAX_DEPTH = 1000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);
/** closed implicitly by the next sibling (a run of unclosed <p> is flat in the DOM): not counted */
const AUTO_CLOSED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp']);
/** their content is raw text, not markup */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const NAME = /\/?([A-Za-z][A-Za-z0-9:-]*)/y;

export function boundNesting(html: string, maxDepth = MAX_DEPTH): { html: string; dropped: number } {
  let depth = 0;
  let dropped = 0;
  const keep: string[] = [];
  let copied = 0; // html[0, copied) is in `keep` (only used once something is dropped)
  let gt = -1; // the next '>' at or after the scan position, found once and reused (keeps the scan linear)
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break; // the rest is a comment
      i = html.indexOf('<', end + 3);
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(html);
    if (!m) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    if (gt < NAME.lastIndex) gt = html.indexOf('>', NAME.lastIndex);
    if (gt < 0) break; // an unterminated tag: nothing after it is markup
    const name = m[1].toLowerCase();
    const closing = m[0][0] === '/';
    const selfClosing = html.charCodeAt(gt - 1) === 0x2f;
    let drop = false;
    if (!closing && RAW.has(name)) {
      const end = indexOfCaseless(html, `</${name}`, gt + 1);
      i = end < 0 ? -1 : html.indexOf('<', end + 1);
      continue;
    }
    if (!VOID.has(name) && !AUTO_CLOSED.has(name) && !selfClosing) {
      if (closing) {
        drop = depth > maxDepth;
        if (depth > 0) depth--;
      } else {
        depth++;
        drop = depth > maxDepth;
      }
    }
    if (drop) {
      keep.push(html.slice(copied, i));
      copied = gt + 1;
      dropped++;
    }
    i = html.indexOf('<', gt + 1);
  }
  if (!dropped) return { html, dropped };
  keep.push(html.slice(copied));
  return { html: keep.join(''), dropped };
}

/** indexOf of an ASCII needle in any letter case, without lower-casing the whole page per call. */
function indexOfCaseless(s: string, needle: string, from: number): number {
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'ig');
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? m.index : -1;
}

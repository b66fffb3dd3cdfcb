/**
 * The text of a reader cell that holds several lines (HTML `<p>`/`<br>` inside a `<td>`, Word paragraphs
 * in a cell): one line per item or a phrase the cell's width wrapped. A line ending in punctuation
 * (`…工作日内，` / `推行…`; `市公安局、` / `市税务局`) goes on without a blank; otherwise the rule of the
 * Word-export text path decides (text.ts joinPieces: a header label is one phrase, a piece of one or two
 * characters or one ending in a connective was wrapped); anything else is an item of its own and stays on
 * a line of its own (`市大数据局⏎市司法局`: the agency parsers split on line breaks). The row line of the
 * rendered text shows such a break as a blank. A cell of one line is only tidied.
 */
import { joinPieces, tidy } from './text.js';

const ENDS_PHRASE = /[，、；：。！？,;:]$/;
const STARTS_CLOSED = /^[，、；：。！？,;:)）】」』”]/;

export function cellText(text: string, header: boolean): string {
  if (!text.includes('\n')) return tidy(text);
  const pieces = text.split('\n').map(tidy).filter(Boolean);
  if (pieces.length === 0) return '';
  let out = pieces[0];
  for (let k = 1; k < pieces.length; k++) {
    const prev = pieces[k - 1];
    const next = pieces[k];
    if (ENDS_PHRASE.test(prev) || STARTS_CLOSED.test(next)) out += next;
    else out += joinPieces([prev, next], header).length === prev.length + next.length ? next : '\n' + next;
  }
  return out;
}

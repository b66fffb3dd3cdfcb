/**
 * Where pdf.js "loads" fonts when it reads a page's drawing (getOperatorList, for ruled tables).
 * With `disableFontFace: true` (pdf.js's Node default) pdf.js draws text itself: for every glyph a page
 * shows it builds the outline and posts it to this thread, 10–40% of an operator list's cost on a CJK
 * page, for outlines nobody draws. With `disableFontFace: false` it instead hands each font once to the
 * `ownerDocument` as an @font-face rule; this document takes the rule and keeps nothing. Fonts are parsed
 * the same way either way, so text and operator lists are unchanged (checked page by page on the corpus);
 * getTextContent never loads fonts into a document. Should a later pdf.js need more of the document than
 * this, loading the font fails and pdf.js falls back to building outlines: slower, still correct.
 */
const sheet = { cssRules: { length: 0 }, insertRule: (): number => 0 };

export const FONT_SINK_DOCUMENT = {
  createElement: () => ({ sheet, remove: (): void => {} }),
  documentElement: { getElementsByTagName: () => [{ append: (): void => {} }] },
};

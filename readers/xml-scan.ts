/**
 * A small event scanner for the XML inside Office files (OOXML). Word parts are machine-written, flat and
 * regular, so a one-pass scanner is enough and keeps the reader free of a DOM: one left-to-right walk over
 * the string, each character looked at a bounded number of times (linear), no entity expansion beyond the
 * five predefined entities and character references (no DTDs, so no billion-laughs).
 */

export interface XmlEvents {
  /** an element opens; `attrs` is the raw attribute text, read with `attr()` */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** character data between tags, entities decoded (whitespace-only runs included) */
  text(value: string): void;
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The value of attribute `name` (e.g. `w:val`) in a raw attribute string, or null. */
export function attr(attrs: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const k = attrs.indexOf(name, from);
    if (k === -1) return null;
    const before = k === 0 ? ' ' : attrs[k - 1];
    let e = k + name.length;
    while (attrs[e] === ' ') e++;
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && attrs[e] === '=') {
      e++;
      while (attrs[e] === ' ') e++;
      const q = attrs[e];
      if (q !== '"' && q !== "'") return null;
      const end = attrs.indexOf(q, e + 1);
      if (end === -1) return null;
      return decodeEntities(attrs.slice(e + 1, end));
    }
    from = k + name.length;
  }
}

/** Walk `xml`, calling `on` for every element and text run. Malformed input ends the walk early, never loops. */
export function scanXml(xml: string, on: XmlEvents): void {
  const n = xml.length;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) {
      if (pos < n) on.text(decodeEntities(xml.slice(pos)));
      return;
    }
    if (lt > pos) on.text(decodeEntities(xml.slice(pos, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e === -1) return;
      pos = e + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e === -1) return;
        pos = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e === -1) return;
        on.text(xml.slice(lt + 9, e));
        pos = e + 3;
      } else {
        const e = xml.indexOf('>', lt + 2);
        if (e === -1) return;
        pos = e + 1;
      }
      continue;
    }
    // Find the tag end, stepping over quoted attribute values ('>' is legal inside them).
    let i = lt + 1;
    let quote = 0;
    for (; i < n; i++) {
      const ch = xml.charCodeAt(i);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e /* > */) break;
    }
    if (i >= n) return;
    if (c === 0x2f /* / */) {
      on.close(xml.slice(lt + 2, i).trim());
    } else {
      const selfClosing = xml.charCodeAt(i - 1) === 0x2f;
      const inner = xml.slice(lt + 1, selfClosing ? i - 1 : i);
      let k = 0;
      while (k < inner.length && !isSpace(inner.charCodeAt(k))) k++;
      const name = inner.slice(0, k);
      const attrs = inner.slice(k);
      on.open(name, attrs, selfClosing);
      if (selfClosing) on.close(name);
    }
    pos = i + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

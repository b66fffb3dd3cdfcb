/**
 * A minimal .docx written in a test: paragraphs and tables as OOXML, packed in a stored (uncompressed) zip.
 * Only what the reader reads: [Content_Types].xml, the package relationships and word/document.xml. Tables
 * take rows of cells; a cell is its text (paragraphs split on `\n`, `<br/>` for a line break inside one) with
 * optional gridSpan and vMerge, and a row may be marked as a repeated header row (w:tblHeader).
 */
import { crc32 } from 'node:zlib';

export interface DocxCellSpec {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}
export type DocxRowSpec = { header?: boolean; cells: Array<string | DocxCellSpec> };
export type DocxBlockSpec = string | { table: DocxRowSpec[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runs(text: string): string {
  return text.split('<br/>').map((piece) => `<w:r><w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`).join('<w:r><w:br/></w:r>');
}

function paragraphs(text: string): string {
  return text.split('\n').map((p) => `<w:p>${runs(p)}</w:p>`).join('');
}

function cellXml(c: string | DocxCellSpec): string {
  const spec = typeof c === 'string' ? { text: c } : c;
  const pr = [spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : '', spec.vMerge ? `<w:vMerge${spec.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''].join('');
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${paragraphs(spec.text || '')}</w:tc>`;
}

function tableXml(rows: DocxRowSpec[]): string {
  const width = Math.max(...rows.map((r) => r.cells.reduce<number>((n, c) => n + (typeof c === 'string' ? 1 : c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(width)}</w:tblGrid>`;
  const body = rows.map((r) => `<w:tr>${r.header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${r.cells.map(cellXml).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

export function documentXml(blocks: DocxBlockSpec[]): string {
  const body = blocks.map((b) => (typeof b === 'string' ? paragraphs(b) : tableXml(b.table))).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A stored zip of the given entries (no compression: every reader must accept method 0). */
export function zip(entries: Array<[name: string, data: string]>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    locals.push(local, fname, data);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(fname.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, fname);
    offset += 30 + fname.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** A .docx holding the blocks (paragraphs as strings, tables as rows). */
export function buildDocx(blocks: DocxBlockSpec[]): Uint8Array {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', documentXml(blocks)],
  ]);
}

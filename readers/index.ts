/**
 * Reader dispatch: one reader per input format, each returning a SourceText. Adding a format touches one
 * reader and this table, never the stages.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { InputError, type SourceText } from '../model/source.js';
import { readText } from './text.js';

export type Reader = (path: string, bytes: Uint8Array, sha256: string) => SourceText | Promise<SourceText>;

const readers = new Map<string, () => Promise<Reader>>([
  ['.txt', async () => readText],
  ['.text', async () => readText],
  ['.md', async () => (await import('./markdown.js')).readMarkdown],
  ['.markdown', async () => (await import('./markdown.js')).readMarkdown],
  ['.html', async () => (await import('./html.js')).readHtml],
  ['.htm', async () => (await import('./html.js')).readHtml],
  ['.docx', async () => (await import('./docx.js')).readDocx],
  ['.pdf', async () => (await import('./pdf.js')).readPdf],
]);

/** Register a reader for an extension (lazy import keeps CLI start fast). */
export function registerReader(ext: string, load: () => Promise<Reader>): void {
  readers.set(ext, load);
}

export const UNSUPPORTED: Record<string, string> = {
  '.doc': 'legacy Word .doc is not supported: convert it to .docx (e.g. `libreoffice --headless --convert-to docx FILE`)',
  '.wps': 'WPS .wps files are not supported: save it as .docx from WPS or LibreOffice',
  '.rtf': 'RTF is not supported: convert it to .docx (e.g. `libreoffice --headless --convert-to docx FILE`)',
};

export function supportedExtensions(): string[] {
  return [...readers.keys()];
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readSource(path: string, bytes: Uint8Array): Promise<SourceText> {
  const ext = extname(path).toLowerCase();
  if (UNSUPPORTED[ext]) throw new InputError(path, UNSUPPORTED[ext]);
  const load = readers.get(ext);
  if (!load) throw new InputError(path, `unsupported file type "${ext || '(none)'}": planx reads ${supportedExtensions().join(' ')}`);
  const reader = await load();
  return reader(path, bytes, sha256Of(bytes));
}

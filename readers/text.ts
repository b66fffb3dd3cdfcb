/** Plain text: the decoded file is the text spans index, unchanged (BOM dropped). */
import type { SourceText } from '../model/source.js';
import { decodeText } from './decode.js';

export function readText(path: string, bytes: Uint8Array, sha256: string): SourceText {
  const { text, encoding } = decodeText(path, bytes);
  return { path, format: 'txt', encoding, sha256, text, tables: [], headingHints: [] };
}

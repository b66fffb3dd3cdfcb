/**
 * What is a plan (for files found inside a folder; a file named on the command line is always extracted):
 * a folder of documents also holds files that are not documents at all — a README, a sources list, an
 * index page, a licence — and files in formats planx does not read. Such a file is listed in the manifest
 * as `skipped` with the reason and counted in the summary, never extracted into the dataset and never
 * dropped without a word. The rules are conservative: a file is skipped for its content only when it
 * has no Chinese title and mostly non-Chinese text, or when its name says what it is (README, SOURCES,
 * index…) and its title names no kind of government document.
 */
import { DOCUMENT_KIND } from '../model/vocab/title-line.js';
import { basename, extname } from 'node:path';

/** Names of files that describe a collection rather than belong to it. */
const NOT_A_DOCUMENT_NAME = /^(?:readme|read_me|sources?|changelog|changes|history|license|licence|copying|contributing|authors|notice|todo|index|目录|索引|说明文件|来源)$/i;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Below this share of CJK characters (of the non-blank text) a text with no Chinese title is not a Chinese document. */
const MIN_CJK_SHARE = 0.3;

/** Formats a folder may hold that planx cannot read, with what to do about them. */
const CONVERT: Record<string, string> = {
  '.doc': 'a Word 97-2003 file', '.wps': 'a WPS Writer file', '.rtf': 'an RTF file', '.odt': 'an OpenDocument text file',
  '.dot': 'a Word template', '.dotx': 'a Word template', '.docm': 'a macro-enabled Word file', '.wpt': 'a WPS template',
};

/** Why a file found in a folder is not read at all (its extension), or null when planx reads the format. */
export function formatSkipReason(path: string, readable: readonly string[]): string | null {
  const ext = extname(path).toLowerCase();
  if (readable.includes(ext)) return null;
  const what = CONVERT[ext];
  if (what) return `${what}: planx reads .docx, not ${ext}; convert it first (e.g. \`soffice --headless --convert-to docx "${basename(path)}"\`, or "Save as" .docx or .pdf in Word or WPS) and run again`;
  return `${ext ? `a ${ext} file` : 'a file without an extension'}: not a format planx reads (${readable.join(' ')}); convert it to one of these to include it, or name it directly on the command line to try it as is`;
}

function cjkShare(text: string, limit = 200_000): number {
  let cjk = 0;
  let all = 0;
  for (let i = 0; i < text.length && i < limit; i++) {
    const c = text[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u3000') continue;
    all++;
    if (CJK.test(c)) cjk++;
  }
  return all ? cjk / all : 0;
}

/** Why an extracted file found in a folder is not a plan, or null when it is (or may be) one. */
export function notAPlanReason(path: string, title: string, text: string): string | null {
  const stem = basename(path, extname(path)).trim();
  if (NOT_A_DOCUMENT_NAME.test(stem) && !(CJK.test(title) && DOCUMENT_KIND.test(title))) {
    return `not a plan: "${basename(path)}" describes the collection (a README, sources list or index) and its title ${title ? `"${title.slice(0, 40)}"` : '(none)'} names no kind of government document; name it directly on the command line to extract it anyway`;
  }
  if (title && !CJK.test(title)) {
    const share = cjkShare(text);
    if (share < MIN_CJK_SHARE) return `not a Chinese government document: no Chinese title ("${title.slice(0, 40)}") and ${Math.round(share * 100)}% Chinese text; name it directly on the command line to extract it anyway`;
  }
  return null;
}

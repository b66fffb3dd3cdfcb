/** Test helpers: run the pipeline on a file or a string, find records. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes, type ExtractedDocument } from '../pipeline/run.js';

export const ROOT = join(import.meta.dirname, '..');
export const SEEDS = join(ROOT, 'seeds');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SEED = {
  s000: join(SEEDS, '000_89bd9c84135b419f.txt'),
  s001: join(SEEDS, '001_8fd7a56d80be0113.txt'),
  s002: join(SEEDS, '002_fa45e1ef304f6357.txt'),
  s003: join(SEEDS, '003_b0a8e64db5de6a55.txt'),
  s004: join(SEEDS, '004_22f7cd4e67d48923.txt'),
};

const cache = new Map<string, Promise<ExtractedDocument>>();
export function extractFile(path: string): Promise<ExtractedDocument> {
  let p = cache.get(path);
  if (!p) {
    p = extractBytes(path, readFileSync(path));
    cache.set(path, p);
  }
  return p;
}

export function extractString(text: string, name = 'inline.txt'): Promise<ExtractedDocument> {
  return extractBytes(name, new TextEncoder().encode(text));
}

/** The text a span points at, counting code points as the contract says. */
export function spanText(text: string, span: { start: number; end: number }): string {
  return Array.from(text).slice(span.start, span.end).join('');
}

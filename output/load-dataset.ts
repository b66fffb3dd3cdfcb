/**
 * Read a finished dataset folder back into per-document record sets, for the commands that work on
 * datasets (diff, report, compare). Records are grouped by doc_id and kept in file (= document) order.
 * A missing record file is read as empty (older or partial datasets); a line that is not JSON is an error
 * naming the file and line, since a dataset written by planx never has one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyRecord, DocumentRecord, ManifestRecord } from '../schemas/records.js';
import type { ExtractedDocument, Records } from '../model/document.js';

export interface DocRecords extends Records {
  document: DocumentRecord;
  /** this document's agencies (from a dataset: those its assignments point at) */
  agencies: AgencyRecord[];
  /** texts/<doc_id>.txt, read on first use */
  text: () => string;
}

export interface LoadedDataset {
  dir: string;
  manifest: ManifestRecord | null;
  documents: DocRecords[];
  agencies: AgencyRecord[];
}

export class DatasetReadError extends Error {
  override name = 'DatasetNotFound';
}

const PER_DOC = ['sections', 'blocks', 'tasks', 'assignments', 'targets', 'tables', 'indicators', 'projects', 'footnotes', 'diagnostics'] as const;
type PerDoc = (typeof PER_DOC)[number];

/** True when `path` is a folder holding a planx dataset (documents.jsonl or manifest.json). */
export function isDataset(path: string): boolean {
  try {
    return statSync(path).isDirectory() && (existsSync(join(path, 'documents.jsonl')) || existsSync(join(path, 'manifest.json')));
  } catch {
    return false;
  }
}

export function readJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  const out: T[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim()) continue;
    try {
      out.push(JSON.parse(l) as T);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON: ${(e as Error).message}`);
    }
  }
  return out;
}

export function loadDataset(dir: string): LoadedDataset {
  if (!isDataset(dir)) throw new DatasetReadError(`${dir} is not a planx dataset folder (no documents.jsonl or manifest.json)`);
  const manifestFile = join(dir, 'manifest.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as ManifestRecord) : null;
  const agencies = readJsonl<AgencyRecord>(join(dir, 'agencies.jsonl'));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const byDoc = new Map<string, DocRecords>();
  for (const d of readJsonl<DocumentRecord>(join(dir, 'documents.jsonl'))) {
    let cached: string | null = null;
    const file = join(dir, 'texts', `${d.id}.txt`);
    byDoc.set(d.id, {
      document: d, sections: [], blocks: [], tasks: [], assignments: [], targets: [], tables: [], indicators: [],
      projects: [], footnotes: [], diagnostics: [], agencies: [],
      text: () => (cached ??= existsSync(file) ? readFileSync(file, 'utf8') : ''),
    });
  }
  for (const name of PER_DOC) {
    for (const r of readJsonl<{ doc_id: string }>(join(dir, `${name}.jsonl`))) {
      const doc = byDoc.get(r.doc_id);
      if (doc) (doc[name] as unknown[]).push(r);
    }
  }
  for (const doc of byDoc.values()) {
    const seen = new Set<string>();
    for (const a of doc.assignments) {
      const ag = agencyById.get(a.agency_id);
      if (ag && !seen.has(ag.id)) {
        seen.add(ag.id);
        doc.agencies.push(ag);
      }
    }
  }
  return { dir, manifest, documents: [...byDoc.values()], agencies };
}

/** The same view of one document extracted in memory (diff of two files). */
export function fromExtracted(r: ExtractedDocument): DocRecords {
  const rec = r.records;
  const pick = <K extends PerDoc>(k: K) => (rec[k] ?? []) as DocRecords[K];
  return {
    document: r.document,
    sections: pick('sections'), blocks: pick('blocks'), tasks: pick('tasks'), assignments: pick('assignments'),
    targets: pick('targets'), tables: pick('tables'), indicators: pick('indicators'), projects: pick('projects'),
    footnotes: pick('footnotes'), diagnostics: pick('diagnostics'),
    agencies: rec.agencies ?? [],
    text: () => r.text,
  };
}

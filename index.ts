/**
 * planx as a library: `import { extract } from 'planx'`.
 *
 *   const { document, records } = await extract('plans/2024_工作方案.docx');
 *   for (const t of records.tasks) console.log(t.title, t.span);
 *
 * Record types are inferred from the zod schemas (schemas/records.ts), the same ones the dataset files are
 * validated against, so a field the compiler accepts is a field the dataset has. `extract` works on one
 * document in memory; `extractToDataset` is the batch runner behind `planx extract` (dataset folder, all
 * formats, worker threads); `validateDataset` is `planx validate`.
 */
import { readFile } from 'node:fs/promises';
import { extractBytes, docIdFor, StageError, type ExtractedDocument } from './pipeline/run.js';
import { sniffContainer } from './pipeline/worker.js';
import type { ExtractOptions, Records } from './model/document.js';
import type { DocumentRecord } from './schemas/records.js';

export { SCHEMA_VERSION, RECORD_NAMES, RECORD_SCHEMAS, Manifest as ManifestSchema } from './schemas/records.js';
export type {
  RecordName, RecordMap, DocumentRecord, SectionRecord, BlockRecord, TaskRecord, AssignmentRecord, AgencyRecord,
  TargetRecord, TableRecord, CellRecord, IndicatorRecord, ProjectRecord, FootnoteRecord, DiagnosticRecord,
  ManifestRecord, SpanRecord,
} from './schemas/records.js';
export { validateRecord } from './schemas/validate.js';
export { jsonSchemaOf } from './schemas/json-schema.js';
export { TOOL_VERSION } from './model/version.js';
export { InputError, type SourceText } from './model/source.js';
/** The reader alone: the text, tables and heading hints planx reads from a file's bytes (no stages). */
export { readSource } from './readers/index.js';
export { StageError, docIdFor };
export type { ExtractOptions, Records };
export { runBatch as extractToDataset, type BatchOptions, type BatchResult, type DocumentEvent } from './pipeline/batch.js';
export { validateDataset, formatProblem, type Problem, type ValidationReport } from './output/validate-dataset.js';
export { FORMATS, CancelledError, type Format } from './output/dataset.js';
export { OutFolderError } from './output/out-folder.js';
export { BatchUsageError } from './pipeline/input-guard.js';
export { loadConfig, parseConfig, type PlanxConfig } from './pipeline/config.js';
export { mergeDatasets, MergeError, type MergeOptions, type MergeResult } from './workflows/merge.js';
export { parseShard, shardOf, SHARD_KEY, type Shard } from './pipeline/shard.js';
export { writePartitionedParquet, escapeHiveValue, partitionableColumns, HIVE_DEFAULT_PARTITION } from './output/partition.js';

/** One document's extraction: its record, every record type (typed), and the text spans index. */
export interface Extraction {
  document: DocumentRecord;
  records: Records;
  /** the text every `span` points into (code points), as written to texts/<doc_id>.txt */
  text: string;
  /** milliseconds per stage */
  timings: Record<string, number>;
}

export interface ExtractCallOptions extends ExtractOptions {
  /** the document's id (default: from the file name, as the CLI does) */
  docId?: string;
  /** the file's content, when it is already in memory (then `path` only names it and picks the reader) */
  bytes?: Uint8Array;
}

/**
 * Extract one document. Throws InputError for a file planx cannot read (binary, undecodable, corrupt)
 * and StageError when a stage crashes; diagnostics about what did not parse are in `records.diagnostics`.
 */
export async function extract(path: string, options: ExtractCallOptions = {}): Promise<Extraction> {
  const { docId, bytes, ...extractOptions } = options;
  const data = bytes ?? (await readFile(path));
  sniffContainer(path, data);
  const r: ExtractedDocument = await extractBytes(path, data, docId ?? docIdFor(path), extractOptions);
  return { document: r.document, records: r.records, text: r.text, timings: r.timings };
}

/** Extract a document given as a string (treated as a .txt file called `name`). */
export function extractText(text: string, options: Omit<ExtractCallOptions, 'bytes'> & { name?: string } = {}): Promise<Extraction> {
  const { name = 'document.txt', ...rest } = options;
  return extract(name, { ...rest, bytes: new TextEncoder().encode(text) });
}

/**
 * The record files' names and the schema version, without the zod schemas (schemas/records.ts): the
 * extraction path imports these, so a run whose validators were generated at build time
 * (schemas/validate.ts) never loads zod.
 */
export const SCHEMA_VERSION = '1.0.0';

/** Record files of the dataset, in the order they are written (the keys of RECORD_SCHEMAS, checked there). */
export const RECORD_NAMES = [
  'documents', 'sections', 'blocks', 'tasks', 'assignments', 'agencies', 'targets', 'tables', 'indicators', 'projects', 'footnotes', 'diagnostics',
] as const satisfies readonly string[] as unknown as RecordName[];

export type RecordName =
  | 'documents' | 'sections' | 'blocks' | 'tasks' | 'assignments' | 'agencies' | 'targets' | 'tables' | 'indicators' | 'projects' | 'footnotes' | 'diagnostics';

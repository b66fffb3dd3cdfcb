/**
 * The dataset contract (../shared/docs/DATASET.md, version 1) as zod schemas: the single source of truth.
 * JSON Schema files in schemas/json/ are generated from these (`npm run schemas`), and every record is
 * validated with ajv against those files before it is written (schemas/validate.ts).
 * Field names of the contract are fixed; fields added beyond it are marked "extra".
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0.0';

export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict();
const id = z.string().min(1);
const nullableId = id.nullable();
const line = z.number().int().min(1);
/** Page of a paginated source (PDF), 1-based; null when the source has no pages (extra). */
const page = z.number().int().min(1).nullable().optional();

export const Document = z.object({
  id,
  title: z.string(),
  kind: z.enum(['plan', 'work_plan', 'implementation_plan', 'explanatory_note', 'other']),
  region: z.string().nullable(),
  period: z.string().nullable(),
  source: z.object({
    path: z.string(),
    format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']),
    /** the byte encoding a text format was decoded from (utf-8, gb18030…); `pdf-text-layer` for a PDF, whose text comes from its text layer */
    encoding: z.string().describe('Encoding the text was decoded from: utf-8, utf-8-bom, utf-16le, gb18030…; pdf-text-layer for a PDF (text taken from its text layer, no byte encoding).'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    chars: z.number().int().min(0),
    pages: z.number().int().min(1).nullable().optional(),
  }),
  /** extra: the issuing year stated in the document, if any */
  year: z.number().int().nullable().optional(),
}).strict();

export const SectionKind = z.enum(['part', 'chapter', 'section', 'item', 'box', 'appendix']);
export const Section = z.object({
  id, doc_id: id, parent_id: nullableId,
  depth: z.number().int().min(1),
  kind: SectionKind,
  marker: z.string(),
  ordinal: z.number().int().nullable(),
  title: z.string(),
  run_in: z.boolean(),
  span: Span, line, page,
  /** extra: the marker style the segmenter recognised (e.g. `cn-paren` for （一）) */
  style: z.string().optional(),
}).strict();

export const BlockKind = z.enum(['paragraph', 'list_item', 'box_item', 'caption', 'note', 'heading_text']);
export const Block = z.object({
  id, doc_id: id, section_id: nullableId,
  kind: BlockKind,
  text: z.string(),
  span: Span, line, page,
}).strict();

export const Deadline = z.object({ text: z.string(), year: z.number().int().nullable(),
  /** extra: month when stated (`2022年6月底前` → 6) */
  month: z.number().int().min(1).max(12).nullable().optional() }).strict();

export const Task = z.object({
  id, doc_id: id, section_id: nullableId,
  parent_id: nullableId,
  marker: z.string().nullable(),
  ordinal: z.number().int().nullable(),
  title: z.string(),
  text: z.string(),
  assignment_text: z.string().nullable(),
  deadlines: z.array(Deadline),
  span: Span, line, page,
  /** extra: where the task came from: numbered item, lead-sentence paragraph, box item, table row, paragraph with a clause */
  source_kind: z.enum(['numbered', 'lead_sentence', 'box_item', 'table_row', 'clause_paragraph']).optional(),
}).strict();

export const Role = z.enum(['lead', 'participate', 'implement', 'responsible']);
export const Assignment = z.object({
  id, doc_id: id, task_id: id,
  role: Role,
  role_text: z.string(),
  agency: z.string().min(1),
  agency_id: id,
  ordinal: z.number().int().min(1),
  span: Span, line, page,
}).strict();

export const Agency = z.object({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string()),
  level: z.enum(['province', 'city', 'county', 'district', 'other']),
  collective: z.boolean(),
}).strict();

export const Comparator = z.enum(['>=', '<=', '=', '>', '<', '~']);
export const Target = z.object({
  id, doc_id: id,
  task_id: nullableId,
  section_id: nullableId,
  year: z.number().int().nullable(),
  metric: z.string(),
  comparator: Comparator,
  value: z.number(),
  unit: z.string().nullable(),
  text: z.string(),
  span: Span, line, page,
}).strict();

export const Cell = z.object({
  row: z.number().int().min(0), col: z.number().int().min(0),
  rowspan: z.number().int().min(1), colspan: z.number().int().min(1),
  text: z.string(), header: z.boolean(),
}).strict();

export const Table = z.object({
  id, doc_id: id, section_id: nullableId,
  caption: z.string().nullable(),
  number: z.string().nullable(),
  kind: z.enum(['indicator', 'project', 'task_division', 'generic']),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  cells: z.array(Cell),
  notes: z.array(z.string()),
  total_row: z.array(z.string()).nullable(),
  span: Span, line, page,
}).strict();

const ValueAt = z.object({ year: z.number().int().nullable(), value: z.number().nullable(), text: z.string() }).strict();
export const Indicator = z.object({
  id, doc_id: id, table_id: id,
  ordinal: z.number().int().nullable(),
  category: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  baseline: ValueAt.nullable(),
  targets: z.array(ValueAt),
  attribute: z.enum(['binding', 'expected', 'reference']).nullable(),
  responsible: z.array(z.string()),
  parent_id: nullableId,
  /** a second grouping column of the table (任务, 二级分类…) */
  group_name: z.string().nullable(),
  /** deprecated: the same value as group_name, kept for one version (`group` is a reserved word in SQL) */
  group: z.string().nullable().describe('Deprecated alias of group_name (GROUP is reserved in SQL); removed in the next dataset version.'),
  span: Span.optional(), line: line.optional(), page,
}).strict();

export const Project = z.object({
  id, doc_id: id, table_id: id,
  ordinal: z.number().int().nullable(),
  category: z.string().nullable(),
  region: z.string().nullable(),
  name: z.string(),
  content: z.string().nullable(),
  start_year: z.number().int().nullable(),
  end_year: z.number().int().nullable(),
  investment: z.object({ value: z.number().nullable(), unit: z.string().nullable(), text: z.string() }).strict().nullable(),
  span: Span.optional(), line: line.optional(), page,
}).strict();

export const Footnote = z.object({
  id, doc_id: id,
  marker: z.string(),
  text: z.string(),
  anchor: Span.nullable(),
  span: Span, line, page,
}).strict();

export const Diagnostic = z.object({
  doc_id: id,
  stage: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  message: z.string(),
  span: Span.nullable(),
  line: line.nullable(),
  page,
}).strict();

export const ManifestInput = z.object({
  path: z.string(),
  sha256: z.string().nullable(),
  doc_id: z.string().nullable(),
  status: z.enum(['ok', 'failed']),
  error: z.string().nullable(),
}).strict();

export const Manifest = z.object({
  tool_version: z.string(),
  schema_version: z.string(),
  options: z.record(z.string(), z.unknown()),
  inputs: z.array(ManifestInput),
  counts: z.record(z.string(), z.number().int().min(0)),
}).strict();

/** Record files of the dataset, in the order they are written. */
export const RECORD_SCHEMAS = {
  documents: Document,
  sections: Section,
  blocks: Block,
  tasks: Task,
  assignments: Assignment,
  agencies: Agency,
  targets: Target,
  tables: Table,
  indicators: Indicator,
  projects: Project,
  footnotes: Footnote,
  diagnostics: Diagnostic,
} as const;
export type RecordName = keyof typeof RECORD_SCHEMAS;
export const RECORD_NAMES = Object.keys(RECORD_SCHEMAS) as RecordName[];

export type DocumentRecord = z.infer<typeof Document>;
export type SectionRecord = z.infer<typeof Section>;
export type BlockRecord = z.infer<typeof Block>;
export type TaskRecord = z.infer<typeof Task>;
export type AssignmentRecord = z.infer<typeof Assignment>;
export type AgencyRecord = z.infer<typeof Agency>;
export type TargetRecord = z.infer<typeof Target>;
export type TableRecord = z.infer<typeof Table>;
export type CellRecord = z.infer<typeof Cell>;
export type IndicatorRecord = z.infer<typeof Indicator>;
export type ProjectRecord = z.infer<typeof Project>;
export type FootnoteRecord = z.infer<typeof Footnote>;
export type DiagnosticRecord = z.infer<typeof Diagnostic>;
export type ManifestRecord = z.infer<typeof Manifest>;
export type SpanRecord = z.infer<typeof Span>;
export type RecordMap = {
  documents: DocumentRecord; sections: SectionRecord; blocks: BlockRecord; tasks: TaskRecord;
  assignments: AssignmentRecord; agencies: AgencyRecord; targets: TargetRecord; tables: TableRecord;
  indicators: IndicatorRecord; projects: ProjectRecord; footnotes: FootnoteRecord; diagnostics: DiagnosticRecord;
};

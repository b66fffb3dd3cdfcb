/**
 * The dataset contract (../shared/docs/DATASET.md, version 1) as zod schemas: the single source of truth.
 * JSON Schema files in schemas/json/ are generated from these (`npm run schemas`), and every record is
 * validated with ajv against those files before it is written (schemas/validate.ts).
 * Field names of the contract are fixed; fields added beyond it are marked "extra".
 */
import { z } from 'zod';

import { RECORD_NAMES, SCHEMA_VERSION, type RecordName } from './names.js';

export { RECORD_NAMES, SCHEMA_VERSION, type RecordName };

export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict();
const id = z.string().min(1);
const nullableId = id.nullable();
const line = z.number().int().min(1);
/** Page of a paginated source (PDF), 1-based; null when the source has no pages (extra). */
const page = z.number().int().min(1).nullable().optional();

/** An ISO 8601 calendar date, or a reduced one where the document prints only year and month (`2021年6月` → `2021-06`). */
const IsoDate = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/);

/** Where each metadata field was read in texts/<doc_id>.txt; a field read from metadata outside the text (front matter, <meta> tags) has none. */
export const MetaSpans = z.object({
  title: Span.optional(),
  plan_title: Span.optional(),
  doc_number: Span.optional(),
  /** one entry per issuer, in the order of `issuers`; null for an issuer read outside the text */
  issuers: z.array(Span.nullable()).optional(),
  issued_on: Span.optional(),
  region: Span.optional(),
  period: Span.optional(),
}).strict().describe('Where each metadata field was read in texts/<doc_id>.txt (code-point spans); a field read from metadata outside the text (front matter, HTML <meta> tags, an on-page metadata table) has no span.');

export const Document = z.object({
  id: id.describe('Stable document id: the path relative to the folder argument it was found under (or the file name of a file given directly), extension dropped, `/` written `__`, characters unsafe in a file name replaced by `_`, plus `-<8 hex>` of the exact path when that rendering lost information; with `--id-from content`, `sha256-<16 hex>` of the bytes. Never depends on the other inputs of the batch.'),
  title: z.string().describe("The document's own heading as it heads the document (for a notice: the notice's title), whitespace-normalised, once (a title printed twice or broken over lines comes out once and whole), without its 文号 or a reprint mark `（转载）`; never export debris such as 【法宝引证码】 or 原文链接."),
  kind: z.enum(['plan', 'work_plan', 'implementation_plan', 'explanatory_note', 'other']).describe("What the plan is, from the plan's own title (plan_title): 规划/纲要/计划 → plan, 工作方案/行动方案/行动计划 → work_plan, 实施方案/实施意见 → implementation_plan, 编制说明/起草说明 → explanatory_note."),
  region: z.string().nullable().describe('Issuing area as written (`江门市`, `上海市闵行区吴泾镇`, `全国` for national documents), from the issuer or the title; the longest chain any source states; null when none says.'),
  period: z.string().nullable().describe('Five-year-plan period named by the title or the plan title (`十四五`; `第八个五年计划` → `八五`; an aligned range `2021-2025` → `十四五`), never from a passing mention in the body; null otherwise.'),
  source: z.object({
    path: z.string(),
    format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']),
    /** the byte encoding a text format was decoded from (utf-8, gb18030…); `pdf-text-layer` for a PDF, whose text comes from its text layer */
    encoding: z.string().describe('Encoding the text was decoded from: utf-8, utf-8-bom, utf-16le, gb18030…; pdf-text-layer for a PDF (text taken from its text layer, no byte encoding).'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    chars: z.number().int().min(0),
    pages: z.number().int().min(1).nullable().optional(),
  }),
  /** extra: the issuing year */
  year: z.number().int().nullable().optional().describe('Extra. The year the document was issued: the year of issued_on, else the single year its title names (`2020年工作方案`); never the end year of a period or range (a 2021-2025 plan issued in 2022 has year 2022; one with no printed date has null).'),
  plan_title: z.string().optional().describe('The enclosed plan\'s title when the document is a notice that issues, forwards or prints one (`关于印发《X》的通知` → X, as the annexed plan heads itself when it is printed below the notice), else equal to title.'),
  doc_number: z.string().nullable().optional().describe('文号 as written (`包府办发〔2022〕43号`), from the head of the document, else from metadata (发文字号, 文号); null when none.'),
  issuers: z.array(z.string()).optional().describe('Issuing bodies as written, in reading order (several for a joint document): the signature block above the date, else the title (`X关于印发…`), else metadata (发布单位, 发文机关, ContentSource). `（代章）` is dropped.'),
  issued_on: IsoDate.nullable().optional().describe('ISO date of the signature or adoption date printed in the document (`2022年4月14日`, `二〇二二年四月十四日`; a cover date `2021年6月` gives `2021-06`); else 成文日期/发文日期/发布日期 of the document\'s metadata; null when none. Not the web page\'s publication date (see published_on).'),
  published_on: IsoDate.nullable().optional().describe('Extra. Publication date a web page or database states (PubDate, 发布时间), which is often later than issued_on; null when none.'),
  level: z.enum(['national', 'province', 'city', 'county', 'township']).nullable().optional().describe('Administrative level of the issuer, from region (全国 → national; 省/自治区 and 北京市, 上海市, 天津市, 重庆市 → province; 市/州/盟 → city; 区/县/旗 → county; 镇/乡/街道 → township), or from a bare level prefix of the issuer (`省…厅` → province) when region is unknown; null when neither says.'),
  period_years: z.object({ start: z.number().int(), end: z.number().int() }).strict().nullable().optional().describe('Years the plan covers: those of period (十四五 → 2021-2025), else a range in the title (`（2023-2025年）`), else the single year of an annual plan (`2022年行动计划`); null when the title states none.'),
  meta_spans: MetaSpans.optional(),
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
  /** `internal`: a division of the issuing body itself (a table's 委内牵头处室 / 局内配合科室 column) */
  scope: z.enum(['internal']).optional(),
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
  status: z.enum(['ok', 'failed', 'skipped']).describe('ok: extracted; failed: could not be read or extracted (see error); skipped: found in a folder but not a plan (a README, an index, a sources list, a file without a Chinese title) or in a format planx does not read (.doc, .wps, .rtf, others): see reason'),
  error: z.string().nullable(),
  /** extra: why a skipped input was not extracted, and what to do about it */
  reason: z.string().nullable().optional(),
}).strict();

/** extra: a file of the dataset as the manifest lists it (what `planx validate` checks it against) */
export const ManifestFile = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export const Manifest = z.object({
  /** extra: always "planx"; with `files`, what proves a folder is a planx dataset --out may replace */
  tool: z.literal('planx').optional(),
  tool_version: z.string(),
  schema_version: z.string(),
  options: z.record(z.string(), z.unknown()),
  inputs: z.array(ManifestInput),
  counts: z.record(z.string(), z.number().int().min(0)),
  /** extra: every file of the dataset but manifest.json, by relative path, with its size and sha256 */
  files: z.record(z.string(), ManifestFile).optional(),
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
} as const satisfies Record<RecordName, z.ZodType>;
// names.ts lists the same names without zod: they must agree, in order
if (Object.keys(RECORD_SCHEMAS).join() !== RECORD_NAMES.join()) throw new Error('schemas/names.ts and RECORD_SCHEMAS list different record files');

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

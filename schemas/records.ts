/**
 * The dataset contract (docs/DATASET.md, version 1) as zod schemas: the single source of truth.
 * JSON Schema files in schemas/json/ are generated from these (`npm run schemas`), and every record is
 * validated with ajv against those files before it is written (schemas/validate.ts).
 * Field names of the contract are fixed; fields added beyond it are marked "extra".
 */
import { z } from 'zod';

import { RECORD_NAMES, SCHEMA_VERSION, type RecordName } from './names.js';

export { RECORD_NAMES, SCHEMA_VERSION, type RecordName };

export const Span = z.object({
  start: z.number().int().min(0).describe('Offset of the first character, in Unicode code points (not UTF-16 units) into texts/<doc_id>.txt.'),
  end: z.number().int().min(0).describe('Offset just past the last character, in code points (exclusive).'),
}).strict();
const id = z.string().min(1);
const nullableId = id.nullable();
// Every field carries a description (`.describe`): it goes into the generated JSON Schemas (schemas/json/),
// which downstream users read as the field reference, and tests/schema-descriptions.test.ts checks none is missing.
const line = z.number().int().min(1).describe('1-based line of span.start in texts/<doc_id>.txt (lines split at \\r\\n, \\r or \\n).');
/** Page of a paginated source (PDF), 1-based; null when the source has no pages (extra). */
const page = z.number().int().min(1).nullable().optional().describe('Extra. 1-based page of a paginated source (PDF) on which span starts; absent or null for sources without pages.');
const span = Span.describe('Where the record came from: code-point span {start, end} into texts/<doc_id>.txt.');
const recordId = (what: string) => id.describe(`Stable record id, unique in the dataset: <doc_id>:${what}:<key>, the key built from the document's structure (numbers of numbered items, else the record's own words); see docs/IDS.md.`);
const docId = id.describe('Id of the document the record belongs to (documents.id); also the name of texts/<doc_id>.txt.');
const sectionId = nullableId.describe('Id of the section (sections.id) the record sits in; null before the first heading.');

/** An ISO 8601 calendar date, or a reduced one where the document prints only year and month (`2021年6月` → `2021-06`). */
const IsoDate = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/);

/** Where each metadata field was read in texts/<doc_id>.txt; a field read from metadata outside the text (front matter, <meta> tags) has none. */
export const MetaSpans = z.object({
  title: Span.optional().describe('Span of title.'),
  plan_title: Span.optional().describe('Span of plan_title.'),
  doc_number: Span.optional().describe('Span of doc_number (the 文号).'),
  /** one entry per issuer, in the order of `issuers`; null for an issuer read outside the text */
  issuers: z.array(Span.nullable()).optional().describe('One entry per issuer, in the order of issuers; null for an issuer read outside the text.'),
  issued_on: Span.optional().describe('Span of the printed date issued_on was read from.'),
  region: Span.optional().describe('Span of the place name region was read from.'),
  period: Span.optional().describe('Span of the period (`十四五`) in the title or plan title.'),
}).strict().describe('Where each metadata field was read in texts/<doc_id>.txt (code-point spans); a field read from metadata outside the text (front matter, HTML <meta> tags, an on-page metadata table) has no span.');

export const Document = z.object({
  id: id.describe('Stable document id: the path relative to the folder argument it was found under (or the file name of a file given directly), extension dropped, `/` written `__`, characters unsafe in a file name replaced by `_`, plus `-<8 hex>` of the exact path when that rendering lost information; with `--id-from content`, `sha256-<16 hex>` of the bytes. Never depends on the other inputs of the batch.'),
  title: z.string().describe("The document's own heading as it heads the document (for a notice: the notice's title), whitespace-normalised, once (a title printed twice or broken over lines comes out once and whole), without its 文号 or a reprint mark `（转载）`; never export debris such as 【法宝引证码】 or 原文链接."),
  kind: z.enum(['plan', 'work_plan', 'implementation_plan', 'explanatory_note', 'other']).describe("What the plan is, from the plan's own title (plan_title): 规划/纲要/计划 → plan, 工作方案/行动方案/行动计划 → work_plan, 实施方案/实施意见 → implementation_plan, 编制说明/起草说明 → explanatory_note."),
  region: z.string().nullable().describe('Issuing area as written (`江门市`, `上海市闵行区吴泾镇`, `黔东南苗族侗族自治州`; `全国` for national bodies: 国务院, ministries such as `生态环境部`, `国家…`), from the issuer or the title; the longest chain any source states; a central body\'s local branch is of its place (`国家税务总局佛山市税务局` → `佛山市`), a party committee\'s of the place before 委 (`中共赣州市委` → `赣州市`); null when none says.'),
  period: z.string().nullable().describe('Five-year-plan period named by the title or the plan title (`十四五`; `第八个五年计划` → `八五`; an aligned range `2021-2025` → `十四五`), never from a passing mention in the body; null otherwise.'),
  source: z.object({
    path: z.string().describe('The input file as given on the command line (relative to the working folder, or absolute).'),
    format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']).describe('Input format, by the file extension (.htm is html, .markdown is md).'),
    /** the byte encoding a text format was decoded from (utf-8, gb18030…); `pdf-text-layer` for a PDF, whose text comes from its text layer */
    encoding: z.string().describe('Encoding the text was decoded from: utf-8, utf-8-bom, utf-16le, gb18030…; pdf-text-layer for a PDF (text taken from its text layer, no byte encoding).'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the input bytes (hex); corrections files may name it to say which bytes they were made for.'),
    chars: z.number().int().min(0).describe('Length of texts/<doc_id>.txt in code points.'),
    pages: z.number().int().min(1).nullable().optional().describe('Extra. Number of pages of a PDF; absent or null for other formats.'),
  }).describe('The input file the document was read from.'),
  /** extra: the issuing year */
  year: z.number().int().nullable().optional().describe('Extra. The year the document was issued: the year of issued_on, else the single year its title names (`2020年工作方案`); never the end year of a period or range (a 2021-2025 plan issued in 2022 has year 2022; one with no printed date has null).'),
  plan_title: z.string().optional().describe('The enclosed plan\'s title when the document is a notice that issues, forwards or prints one (`关于印发《X》的通知` → X, as the annexed plan heads itself when it is printed below the notice), else equal to title.'),
  doc_number: z.string().nullable().optional().describe('文号 as written (`包府办发〔2022〕43号`), from the head of the document, else from metadata (发文字号, 文号); null when none.'),
  issuers: z.array(z.string()).optional().describe('Issuing bodies as written, in reading order (several for a joint document): the signature block above the date, else the title (`X关于印发…`), else metadata (发布单位, 发文机关, ContentSource). `（代章）` is dropped.'),
  issued_on: IsoDate.nullable().optional().describe('ISO date of the signature or adoption date printed in the document (`2022年4月14日`, `二〇二二年四月十四日`; a cover date `2021年6月` gives `2021-06`); else 成文日期/发文日期/发布日期 of the document\'s metadata; null when none. Not the web page\'s publication date (see published_on).'),
  published_on: IsoDate.nullable().optional().describe('Extra. Publication date a web page or database states (PubDate, 发布时间), which is often later than issued_on; null when none.'),
  level: z.enum(['national', 'province', 'city', 'county', 'township']).nullable().optional().describe('Administrative level of the issuer, from region (全国 → national; 省/自治区 and 北京市, 上海市, 天津市, 重庆市 → province; 市/自治州/州/盟/地区 → city; 区/县/旗/自治县 and a county-level city → county; 镇/乡/苏木/街道 → township), or from a bare level prefix of the issuer (`省…厅` → province) when region is unknown; null when neither says. A 市 is county-level when the region names the city above it (`苏州市昆山市`) or when the notice addresses towns and 街道 and no county or district (主送 `各镇人民政府，各街道办事处`).'),
  period_years: z.object({ start: z.number().int().describe('First year covered.'), end: z.number().int().describe('Last year covered.') }).strict().nullable().optional().describe('Years the plan covers: those of period (十四五 → 2021-2025), else a range in the title (`（2023-2025年）`), else the single year of an annual plan (`2022年行动计划`); null when the title states none.'),
  meta_spans: MetaSpans.optional(),
}).strict().describe('One input document: what it is, who issued it and when, and where it was read from.');

export const SectionKind = z.enum(['part', 'chapter', 'section', 'item', 'box', 'appendix']);
export const Section = z.object({
  id: recordId('sec'), doc_id: docId,
  parent_id: nullableId.describe('Id of the enclosing section; null at the top of the tree.'),
  depth: z.number().int().min(1).describe('Depth in the heading tree, 1 = top.'),
  kind: SectionKind.describe('part 第X篇 | chapter 第X章 | section 第X节 | item 一、（一）1.（1）①… | box 专栏 | appendix 附件/附表/附图.'),
  marker: z.string().describe('The numbering marker as written (`第三章`, `（二）`, `1.`, `专栏一`, `附件1`); empty for an unnumbered heading.'),
  ordinal: z.number().int().nullable().describe('Integer value of the marker (`第三章` → 3, `（二）` → 2); null when it has none.'),
  title: z.string().describe('Heading text without its marker; for a run-in heading (a numbered paragraph whose first sentence is its title) that first sentence without its final 。; "" for a bare marker line with no title.'),
  run_in: z.boolean().describe('True when the title is the first sentence of a paragraph that goes on (a run-in heading), false for a heading line of its own.'),
  span, line, page,
  /** extra: the marker style the segmenter recognised (e.g. `cn-paren` for （一）) */
  style: z.string().optional().describe('Extra. Numbering style the segmenter recognised: `part`, `chapter`, `section`, `cn-dun` 一、, `cn-paren` （一）, `ar-dot` 1., `ar-dun` 1、, `ar-paren` （1）, `circled` ①, `box`, `appendix`…; the same style is one numbering family.'),
}).strict().describe('A heading or numbered item of the document tree (a table of contents is not part of it).');

export const BlockKind = z.enum(['paragraph', 'list_item', 'box_item', 'caption', 'note', 'heading_text']);
export const Block = z.object({
  id: recordId('blk'), doc_id: docId, section_id: sectionId,
  kind: BlockKind.describe('paragraph | list_item (a numbered item\'s body) | box_item (inside a 专栏) | caption (图1 …, a table caption) | note (注：…) | heading_text (reserved: text of a heading line).'),
  text: z.string().describe('The paragraph\'s text, clean: lines broken by page breaks joined, export debris removed.'),
  span, line, page,
}).strict().describe('A paragraph-level unit of body text, with the section it sits in.');

export const Deadline = z.object({
  text: z.string().describe('The deadline as written (`2022年6月底前`, `长期坚持`).'),
  year: z.number().int().nullable().describe('Its year; null when none is written (`6月底`: the plan\'s year is not assumed).'),
  /** extra: month when stated (`2022年6月底前` → 6) */
  month: z.number().int().min(1).max(12).nullable().optional().describe('Extra. Its month when stated (`2022年6月底前` → 6).'),
}).strict();

export const Task = z.object({
  id: recordId('task'), doc_id: docId,
  section_id: nullableId.describe('The section record of the numbered item the task is, or the section an unnumbered task sits in; null before the first heading.'),
  parent_id: nullableId.describe('The task this one is a sub-task of (（1） under 1.), else null.'),
  marker: z.string().nullable().describe('Numbering marker as written (`1.`, `（一）`), null for an unnumbered task.'),
  ordinal: z.number().int().nullable().describe('Integer value of the marker, null for an unnumbered task.'),
  title: z.string().describe('Lead sentence or run-in heading, without its final 。; for a table row, the task column.'),
  text: z.string().describe('The whole task text without the responsibility clause (for a table row: its 主要内容 cell, else its title).'),
  assignment_text: z.string().nullable().describe('The responsibility clause as written (`（市发展改革局牵头，各区政府落实）`), null when the task has none.'),
  deadlines: z.array(Deadline).describe('Deadlines stated in the task or its clause (a table row: its 完成时限 cell), in order.'),
  span, line, page,
  /** extra: where the task came from: numbered item, lead-sentence paragraph, box item, table row, paragraph with a clause */
  source_kind: z.enum(['numbered', 'lead_sentence', 'box_item', 'table_row', 'clause_paragraph']).optional().describe('Extra. Where the task came from: a numbered item, a paragraph opening with a lead sentence, a 专栏 item, a row of a task-division table, a paragraph carrying a responsibility clause.'),
}).strict().describe('A unit of planned work.');

export const Role = z.enum(['lead', 'participate', 'implement', 'responsible']);
export const Assignment = z.object({
  id: recordId('asg'), doc_id: docId,
  task_id: id.describe('The task (tasks.id) the agency is responsible for.'),
  role: Role.describe('lead 牵头 (牵头单位/牵头部门/牵头考核单位) | participate 参加/参与/配合/协同/支撑 | implement 落实/负责落实 (落实单位/实施主体 columns) | responsible 责任单位/负责/按职责分工负责 (推进单位 columns).'),
  role_text: z.string().describe('The role words as written (`牵头`, `配合单位`, `分别牵头`, `按职责分工负责`).'),
  agency: z.string().min(1).describe('The agency as written in this clause, after shared suffixes and level prefixes are spread (`蓬江区、新会区政府` → `新会区政府`); the same name can mean bureaus of different places: group by agency_id.'),
  agency_id: id.describe('The agency record (agencies.id): `agency:<canonical name>`, the same in every document; `agency:region-unknown/<doc_id>/<name>` when the document\'s region cannot say which place a bare `市…`/`省…` is.'),
  ordinal: z.number().int().min(1).describe('1-based position of the agency among those of the same role in the clause.'),
  /** `internal`: a division of the issuing body itself (a table's 委内牵头处室 / 局内配合科室 column) */
  scope: z.enum(['internal']).optional().describe('Extra. `internal` for a division of the issuing body itself (a 委内牵头处室 / 局内配合科室 column); absent for agencies.'),
  span: Span.describe('Where the agency is named (a correction\'s added assignment may point at its whole task).'), line, page,
}).strict().describe('One (task, agency, role): who leads, joins, implements or is responsible for a task.');

export const Agency = z.object({
  id: id.describe('`agency:<canonical name>` (`agency:江门市生态环境局`), shared by every document; `agency:region-unknown/<doc_id>/<name>` for a bare `省…`/`市…` name the document\'s region cannot qualify.'),
  name: z.string().min(1).describe('Canonical name: aliases resolved, the document\'s region prefixed to a bare level prefix (`市财政局` in a 江门市 plan → 江门市财政局).'),
  aliases: z.array(z.string()).describe('Every spelling seen for this agency in the dataset, sorted.'),
  level: z.enum(['province', 'city', 'county', 'district', 'other']).describe('Administrative level of the agency, from its name (省… province, 市… city, 县… county, 区… district), from the first document (in input order) that names it.'),
  collective: z.boolean().describe('True for a group rather than one body (`各市（区）政府`, `相关部门`, `…各成员单位`).'),
}).strict().describe('A distinct agency of the whole dataset, with the spellings seen.');

export const Comparator = z.enum(['>=', '<=', '=', '>', '<', '~']);
export const Target = z.object({
  id: recordId('tgt'), doc_id: docId,
  task_id: nullableId.describe('The task whose text states the target, or null.'),
  section_id: sectionId,
  year: z.number().int().nullable().describe('The year the value is to be reached (`到2025年`), null when the sentence names none.'),
  metric: z.string().describe('What is measured, as written (`城市空气质量优良天数比例`).'),
  comparator: Comparator.describe('>= (达到, 不低于, 以上) | <= (控制在…以内, 不高于) | = | > | < | ~ (左右, 约).'),
  value: z.number().describe('The figure (`80%` → 80).'),
  unit: z.string().nullable().describe('Unit as written (`%`, `万吨`, `公里`, `μg/m³`), null for a bare count.'),
  text: z.string().describe('The clause the target was read from.'),
  span, line, page,
}).strict().describe('A quantitative target stated in prose.');

export const Cell = z.object({
  row: z.number().int().min(0).describe('0-based row of the cell\'s top-left corner, header rows included.'),
  col: z.number().int().min(0).describe('0-based column of the cell\'s top-left corner.'),
  rowspan: z.number().int().min(1).describe('Rows the cell spans (merged vertically when > 1).'),
  colspan: z.number().int().min(1).describe('Columns the cell spans (merged horizontally when > 1).'),
  text: z.string().describe('The cell\'s text; its lines joined by a line break when the source breaks them.'),
  header: z.boolean().describe('True for a header cell.'),
}).strict().describe('A cell as the source states it.');

export const Table = z.object({
  id: recordId('tbl'), doc_id: docId, section_id: sectionId,
  caption: z.string().nullable().describe('The caption text without its number (`江门市生态环境保护“十四五”主要指标`), or null.'),
  number: z.string().nullable().describe('The table\'s number as written (`表2`, `附件1`), or null.'),
  kind: z.enum(['indicator', 'project', 'task_division', 'generic']).describe('indicator 指标表 (rows in indicators) | project 项目表 (rows in projects) | task_division 任务分工表 (rows in tasks and assignments) | generic.'),
  columns: z.array(z.string()).describe('Column labels; a header of several rows stacked top-down and joined with `/` (`目标值/2025年`).'),
  rows: z.array(z.array(z.string())).describe('Body rows, header excluded, rectangular (one string per column), merged cells filled into every row and column they span.'),
  cells: z.array(Cell).describe('Every cell as the source states it, header included, with its spans.'),
  notes: z.array(z.string()).describe('注/备注 lines and a `单位：…` line beside the title, in order.'),
  total_row: z.array(z.string()).nullable().describe('The 合计/总计 row, shaped like a row of rows, or null.'),
  span, line, page,
}).strict().describe('A table, faithful cells and rectangular rows; a table split over pages is one table.');

const ValueAt = z.object({
  year: z.number().int().nullable().describe('The year of the value, from its column label (`2025年`); null if none.'),
  value: z.number().nullable().describe('The value as a number, null when the text is not one (`完成省下达目标`).'),
  text: z.string().describe('The cell as written.'),
}).strict();
export const Indicator = z.object({
  id: recordId('ind'), doc_id: docId,
  table_id: id.describe('The table (tables.id) the row belongs to.'),
  ordinal: z.number().int().nullable().describe('The row\'s number in its 序号 column, null when it has none.'),
  category: z.string().nullable().describe('The first grouping column (一级指标, 领域, 类别), filled down over the rows a merged cell spans; null if none.'),
  name: z.string().describe('The indicator\'s name, from the lowest label of the name column (`指标名称`, a label ending in 指标).'),
  unit: z.string().nullable().describe('Unit from the 单位 column or the name (`%`, `μg/m³`), null if none.'),
  baseline: ValueAt.nullable().describe('The baseline value (现状, 基期, a year column before the plan\'s period), or null.'),
  targets: z.array(ValueAt).describe('One entry per target column (目标值, 2025年…), its year from the header.'),
  attribute: z.enum(['binding', 'expected', 'reference']).nullable().describe('binding 约束性 | expected 预期性 | reference 参考性 | null.'),
  responsible: z.array(z.string()).describe('Agency names of the row\'s 责任部门/责任单位 column, as written; empty without one.'),
  parent_id: nullableId.describe('For a sub-indicator (其中…), the indicator it belongs to, else null.'),
  /** a second grouping column of the table (任务, 二级分类…) */
  group_name: z.string().nullable().describe('Extra (the contract\'s `group`, renamed because GROUP is reserved in SQL). A second grouping column of the table (任务, 二级分类…), or null.'),
  /** deprecated: the same value as group_name, kept for one version (`group` is a reserved word in SQL) */
  group: z.string().nullable().describe('Deprecated alias of group_name (GROUP is reserved in SQL); removed in the next dataset version.'),
  span: span.optional(), line: line.optional(), page,
}).strict().describe('A row of an indicator table (指标表).');

export const Project = z.object({
  id: recordId('prj'), doc_id: docId,
  table_id: id.describe('The table (tables.id) the row belongs to.'),
  ordinal: z.number().int().nullable().describe('The row\'s number in its 序号 column, null when it has none.'),
  category: z.string().nullable().describe('The grouping column or group row (项目类别), filled down; null if none.'),
  region: z.string().nullable().describe('实施区域/建设地点 as written, or null.'),
  name: z.string().describe('项目名称 as written.'),
  content: z.string().nullable().describe('建设内容/建设规模, or null.'),
  start_year: z.number().int().nullable().describe('First year of 建设年限/建设期限 (`2021-2025` → 2021), or null.'),
  end_year: z.number().int().nullable().describe('Last year of 建设年限/建设期限, or null.'),
  investment: z.object({
    value: z.number().nullable().describe('The amount as a number, null when the cell is not one.'),
    unit: z.string().nullable().describe('Its unit (`万元`, `亿元`), from the cell or the column label; null if none.'),
    text: z.string().describe('The cell as written.'),
  }).strict().nullable().describe('总投资/计划投资, or null when the table has no such column.'),
  span: span.optional(), line: line.optional(), page,
}).strict().describe('A row of a project table (项目表).');

export const Footnote = z.object({
  id: recordId('fn'), doc_id: docId,
  marker: z.string().describe('The note marker as written (`1`, `①`, `*`).'),
  text: z.string().describe('The footnote text without its marker.'),
  anchor: Span.nullable().describe('Span of the marker in the body text, null when it was not found (diagnostic footnote-anchor-missing).'),
  span: Span.describe('Span of the footnote itself.'), line, page,
}).strict().describe('A footnote or endnote.');

export const Diagnostic = z.object({
  doc_id: docId,
  stage: z.string().describe('The pipeline stage that reported it (`read`, `toc`, `tables`, `segment`, `metadata`, `assignments`, `corrections`, `validate`…).'),
  severity: z.enum(['error', 'warning', 'info']).describe('error (a record not written, a correction invalid) | warning (something could not be parsed cleanly) | info (a guess worth knowing).'),
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).describe('Kebab-case code (`numbering-gap`, `toc-detected`, `table-stray-cell`, `stale-correction`, `invalid-record`).'),
  message: z.string().describe('What happened, in words.'),
  span: Span.nullable().describe('Where in texts/<doc_id>.txt, or null for the document as a whole.'),
  line: line.nullable().describe('1-based line of span.start, or null with no span.'),
  page,
}).strict().describe('A warning, error or note about the input, with its position.');

export const ManifestInput = z.object({
  path: z.string().describe('The input as found (a file named directly, or found under a folder argument).'),
  sha256: z.string().nullable().describe('sha256 of its bytes, null when it was not read.'),
  doc_id: z.string().nullable().describe('The document id it got (or would have had, when it failed); null when skipped or refused before reading.'),
  status: z.enum(['ok', 'failed', 'skipped']).describe('ok: extracted; failed: could not be read or extracted (see error); skipped: found in a folder but not a plan (a README, an index, a sources list, a file without a Chinese title) or in a format planx does not read (.doc, .wps, .rtf, others): see reason'),
  error: z.string().nullable().describe('Why a failed input failed, naming the file and what to do; null otherwise.'),
  /** extra: why a skipped input was not extracted, and what to do about it */
  reason: z.string().nullable().optional().describe('Extra. Why a skipped input was not extracted, and what to do about it.'),
}).strict();

/** extra: a file of the dataset as the manifest lists it (what `planx validate` checks it against) */
export const ManifestFile = z.object({
  bytes: z.number().int().min(0).describe('Size of the file in bytes.'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the file (hex).'),
}).strict();

export const Manifest = z.object({
  /** extra: always "planx"; with `files`, what proves a folder is a planx dataset --out may replace */
  tool: z.literal('planx').optional().describe('Extra. Always "planx": with files, what proves a folder is a planx dataset that --out may replace.'),
  tool_version: z.string().describe('Version of planx that wrote the dataset.'),
  schema_version: z.string().describe('Version of the record schemas (schemas/*.schema.json).'),
  options: z.record(z.string(), z.unknown()).describe('Options that shape the output: formats, agency_aliases, corrections {file, count}, partition_by, shard {index, count, skipped, key}; merged datasets add merged_from and shards.'),
  inputs: z.array(ManifestInput).describe('One entry per input, in input order (failed and skipped inputs included).'),
  counts: z.record(z.string(), z.number().int().min(0)).describe('Records per JSONL file (documents, sections, …).'),
  /** extra: every file of the dataset but manifest.json, by relative path, with its size and sha256 */
  files: z.record(z.string(), ManifestFile).optional().describe('Extra. Every file of the dataset but manifest.json, by relative path, with its size and sha256 (what planx validate checks them against).'),
}).strict().describe('The run: tool and schema version, options, every input with its status, record counts and the file list.');

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

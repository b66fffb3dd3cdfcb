/**
 * The stages, in order. Each is a function of the document model: it reads what earlier stages set and
 * pushes records and diagnostics. What a stage hands to a later one goes through a typed slot declared next
 * to the stage that writes it (model/stage-data.ts); the list names the slots each stage reads and writes
 * and is checked when this module loads, so a stage placed before the one it needs fails at start-up.
 * Add a stage here; nothing else needs to know about it.
 */
import type { PlanDocument } from '../model/document.js';
import { checkStageOrder, type StageSpec } from '../model/stage-data.js';
import { detectToc } from '../extractors/toc.js';
import { detectTables, TABLE_REGIONS } from '../extractors/tables/detect.js';
import { extractFootnotes } from '../extractors/footnotes.js';
import { buildParagraphs } from '../extractors/paragraphs.js';
import { buildTree } from '../extractors/segment/tree.js';
import { extractBlocks } from '../extractors/blocks.js';
import { extractMetadata } from '../extractors/metadata.js';
import { extractTasks, SECTION_CLASSES, TASK_CLAUSES, TASK_RANGES } from '../extractors/tasks.js';
import { extractAssignments } from '../extractors/assignments/index.js';
import { extractTargets } from '../extractors/targets.js';
import { buildTables, BUILT_TABLES } from '../extractors/tables/index.js';
import { extractIndicators } from '../extractors/indicators.js';
import { extractProjects } from '../extractors/projects.js';
import { extractTableTasks } from '../extractors/tables/tasks.js';
import { stabilizeIds } from '../model/ids.js';

export type Stage = StageSpec<PlanDocument>;

export const STAGES: Stage[] = checkStageOrder<Stage>([
  { name: 'toc', run: detectToc },
  { name: 'tables-detect', run: detectTables, writes: [TABLE_REGIONS] },
  { name: 'footnotes', run: extractFootnotes },
  { name: 'paragraphs', run: buildParagraphs },
  { name: 'segment', run: buildTree },
  // drops the table regions that are the page's metadata table (extractors/metadata/sidecar.ts)
  { name: 'metadata', run: extractMetadata, reads: [TABLE_REGIONS], writes: [TABLE_REGIONS] },
  { name: 'tasks', run: extractTasks, writes: [SECTION_CLASSES, TASK_CLAUSES, TASK_RANGES] },
  { name: 'assignments', run: extractAssignments, reads: [TASK_CLAUSES] },
  { name: 'targets', run: extractTargets, reads: [SECTION_CLASSES, TASK_RANGES] },
  { name: 'blocks', run: extractBlocks, reads: [TABLE_REGIONS] },
  { name: 'tables', run: buildTables, reads: [TABLE_REGIONS], writes: [BUILT_TABLES] },
  { name: 'indicators', run: extractIndicators, reads: [BUILT_TABLES] },
  { name: 'projects', run: extractProjects, reads: [BUILT_TABLES] },
  { name: 'table-tasks', run: extractTableTasks, reads: [BUILT_TABLES] },
  // last: ids that survive edits elsewhere in the document (docs/IDS.md)
  { name: 'ids', run: stabilizeIds },
]);

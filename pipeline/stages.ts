/**
 * The stages, in order. Each is a function of the document model: it reads what earlier stages set and
 * pushes records and diagnostics. Add a stage here; nothing else needs to know about it.
 */
import type { PlanDocument } from '../model/document.js';
import { detectToc } from '../extractors/toc.js';
import { detectTables } from '../extractors/tables/detect.js';
import { extractFootnotes } from '../extractors/footnotes.js';
import { buildParagraphs } from '../extractors/paragraphs.js';
import { buildTree } from '../extractors/segment/tree.js';
import { extractBlocks } from '../extractors/blocks.js';
import { extractMetadata } from '../extractors/metadata.js';
import { extractTasks } from '../extractors/tasks.js';
import { extractAssignments } from '../extractors/assignments/index.js';
import { extractTargets } from '../extractors/targets.js';
import { buildTables } from '../extractors/tables/index.js';
import { extractIndicators } from '../extractors/indicators.js';
import { extractProjects } from '../extractors/projects.js';
import { extractTableTasks } from '../extractors/tables/tasks.js';
import { stabilizeIds } from '../model/ids.js';

export interface Stage {
  name: string;
  run: (doc: PlanDocument) => unknown;
}

export const STAGES: Stage[] = [
  { name: 'toc', run: detectToc },
  { name: 'tables-detect', run: detectTables },
  { name: 'footnotes', run: extractFootnotes },
  { name: 'paragraphs', run: buildParagraphs },
  { name: 'segment', run: buildTree },
  { name: 'metadata', run: extractMetadata },
  { name: 'tasks', run: extractTasks },
  { name: 'assignments', run: extractAssignments },
  { name: 'targets', run: extractTargets },
  { name: 'blocks', run: extractBlocks },
  { name: 'tables', run: buildTables },
  { name: 'indicators', run: extractIndicators },
  { name: 'projects', run: extractProjects },
  { name: 'table-tasks', run: extractTableTasks },
  // last: ids that survive edits elsewhere in the document (docs/IDS.md)
  { name: 'ids', run: stabilizeIds },
];

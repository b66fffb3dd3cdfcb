/**
 * A task cell shared by several rows of a task-division table: a 重点任务 merged down over the 具体措施
 * rows under it (rowspan in HTML, vMerge in Word, a merged box in a PDF), or written once and left empty
 * below it (a Markdown pipe table, a paste without spans, the part of a merged cell a page break cut
 * off). Such a run of rows is one task with sub-tasks: the shared cell is the parent, each row's own
 * measure a child. A run is taken only when every row of it has a measure of its own: rows that share
 * their measure too (only the agencies or the deadline differ) stay rows of the shared title.
 */
import type { BuiltRow } from './table-types.js';

export interface TaskRun {
  /** index (in the table's rows) of the row whose task cell the run shares */
  first: number;
  /** the rows of the run, the first included */
  rows: number[];
  /** the row-number cell is merged with the task cell (written once for the run): the parent's number */
  sharedNumber: boolean;
}

/**
 * The runs of rows sharing one task cell. `task` is the task column, `own` the columns holding a row's own
 * measure (具体措施, and the further columns saying what is to be done); `skip(i)` marks rows that are no
 * task (group rows, headings), which end a run.
 */
export function sharedTaskRuns(rows: BuiltRow[], task: number, own: number[], ordinalCol: number | null, skip: (i: number) => boolean): Map<number, TaskRun> {
  const byRow = new Map<number, TaskRun>();
  if (!own.length) return byRow;
  const ownText = (r: BuiltRow) => own.some((c) => !!r.raw[c] && !r.raw[c].cont && r.raw[c].text.trim() !== '');
  const written = (r: BuiltRow, c: number) => !!r.raw[c] && !r.raw[c].cont && r.raw[c].text.trim() !== '';
  let open = null as TaskRun | null;
  const close = () => {
    if (open && open.rows.length > 1) for (const i of open.rows) byRow.set(i, open);
    open = null;
  };
  rows.forEach((r, i) => {
    if (skip(i) || !ownText(r)) {
      close();
      return;
    }
    if (written(r, task)) {
      close();
      open = { first: i, rows: [i], sharedNumber: ordinalCol !== null && written(r, ordinalCol) };
      return;
    }
    // the task cell is empty here: merged from above (its value filled in) or left empty under it
    const above = rows[open?.rows[open.rows.length - 1] ?? -1];
    const same = r.values[task].trim() === '' || (above !== undefined && r.values[task] === above.values[task]);
    if (!open || !same) {
      close();
      return;
    }
    open.rows.push(i);
    // a row numbered on its own (`2` beside `1`) leaves the number to the rows, not the parent
    if (ordinalCol !== null && written(r, ordinalCol)) open.sharedNumber = false;
  });
  close();
  return byRow;
}

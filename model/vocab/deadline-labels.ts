/**
 * The labels that introduce a deadline (`完成时限：2024年12月底前`, `时间节点：…`): in a responsibility
 * clause (where they end an agency list), on a line of their own under a task, and as a table column's
 * label. One list; the line and column readings are wider, as said at each.
 */

/** Deadline labels inside a clause or on the line of one (`牵头单位：A、B 完成时限：2024年12月`). */
export const DEADLINE_LABELS = ['完成时限', '完成时间', '时间节点', '时限要求', '完成期限'] as const;

/** The labels as one alternation, for patterns that put them before a colon. */
export const DEADLINE_LABEL_ALT = DEADLINE_LABELS.join('|');

/**
 * A line (a paragraph under a task) that opens with a deadline label: `完成时限：2022 年 2 月底前`. Wider
 * by `时间安排`, which a task's own line uses for its schedule but which inside a clause would cut an
 * agency list too early (kept as it was). Also written in 【】 with no colon: `【完成时限】2024年底前`.
 */
export const DEADLINE_LINE_LABEL = new RegExp(`^\\s*(?:【\\s*)?(?:${[...DEADLINE_LABELS, '时间安排'].join('|')})\\s*(?:[:：]|】)\\s*`);

/**
 * A table column of deadlines: any label holding 时限, the schedule words of task tables (进度安排,
 * 时间进度, 完成年限, 时间要求, 截止时间 …), and a bare `时间` or `完成` (a header cut in two, or written short).
 */
export const DEADLINE_COLUMN_HEADER = /时限|完成时间|时间节点|进度安排|完成期限|完成年限|时间安排|时间进度|进度要求|时间要求|截止时间|截止日期|完成日期|完成节点|^时间$|^完成$/;

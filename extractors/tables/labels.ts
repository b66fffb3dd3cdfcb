/**
 * Column labels of multi-row headers. A reader table's header of two or three rows gives each column the
 * labels stacked above it, joined with `/` from the top down (`具体创建目标/城镇新建民用建筑中绿色建筑占比（%）/禅城区`,
 * `目标值/2025年`). A `/` inside brackets belongs to the label (`排放量（吨/年）`), not to the stack.
 */

export const LABEL_JOIN = '/';

/** The stacked labels of a column, top first; a label without stack is one part. Linear. */
export function labelParts(label: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label[i];
    if (c === '（' || c === '(' || c === '［' || c === '[' || c === '【') depth++;
    else if ((c === '）' || c === ')' || c === '］' || c === ']' || c === '】') && depth > 0) depth--;
    else if (c === LABEL_JOIN && depth === 0) {
      parts.push(label.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(label.slice(from));
  const kept = parts.map((p) => p.trim()).filter(Boolean);
  return kept.length ? kept : [label];
}

/** The lowest label of a column (what the column holds: `单位` under `指标`, `2025年` under `目标值`). */
export function labelLeaf(label: string): string {
  const parts = labelParts(label);
  return parts[parts.length - 1];
}

/**
 * The ways a role label is written other than `牵头单位：` at a sentence's start, brought to that form on the
 * folded text before the clause finder reads it. Every rewrite keeps the text's length, so each index into
 * the clean text still holds (names are cut from the clean text):
 *   `【责任单位】A、B`, `[牵头单位]A [配合单位]B`   a label in brackets instead of before a colon
 *   `★牵头单位：A ★配合单位：B`, `●责任单位：`    a bullet or star before the label
 *   `牵 头 单 位：A`                               a label spaced out character by character (OCR, justified PDF)
 */
import { DEADLINE_LABELS } from '../../model/vocab/deadline-labels.js';
import { labelAt } from './role-words.js';

/** the longest label a writer puts in 【】 (`牵头责任单位`, `主要完成时限`); longer content is no label */
const MAX_LENTICULAR_LABEL = 10;
/** the brackets a label is written in instead of before a colon: 【】, and [] (also ［］, folded to []) */
const LABEL_OPEN = new Map([['【', '】'], ['[', ']']]);

/**
 * `…【责任单位】A、B`, `【牵头单位】A【配合单位】B`, `[牵头单位]A [配合单位]B`, `【完成时限】2024年底前`: a role
 * (or deadline) label written in 【】 or [] instead of before a `：`. Read as the `;责任单位:` it stands for
 * (same length, so every index into the clean text still holds); brackets around anything else
 * (`【责任单位：A】`, a 【专栏】 title, `[A牵头，B参加]`) stay brackets.
 */
function openBracketLabels(match: string): string {
  let out = '';
  let from = 0;
  for (let i = nextOpen(match, 0); i >= 0; i = nextOpen(match, i + 1)) {
    // (the close is looked for within a label's length only: a search to the paragraph's end per open
    // bracket was quadratic in a run of unclosed ones)
    const j = match.slice(i + 1, i + 2 + MAX_LENTICULAR_LABEL).indexOf(LABEL_OPEN.get(match[i])!) + i + 1;
    if (j <= i || j - i - 1 > MAX_LENTICULAR_LABEL) continue;
    const probe = match.slice(i + 1, j) + ':';
    const label = labelAt(probe, 0, true);
    const when = DEADLINE_LABELS.some((w) => probe === w + ':');
    if (!when && (!label || label.end !== probe.length)) continue;
    out += match.slice(from, i) + ';' + match.slice(i + 1, j) + ':';
    from = j + 1;
  }
  return from ? out + match.slice(from) : match;
}

/** the next 【 or [ at or after i (-1: none) */
function nextOpen(s: string, i: number): number {
  for (; i < s.length; i++) if (LABEL_OPEN.has(s[i])) return i;
  return -1;
}

/** bullets and stars a writer sets before a label (`★牵头单位：`): blanks to the clause finder */
const BULLET = /[★☆●○◆◇■□▲△▶►※◎✔✓√➢]/;
const BULLETS = new RegExp(BULLET.source, 'g');
/** a word spaced out character by character right before a colon (`牵 头 单 位：`), 2 to 8 characters */
const SPACED_BEFORE_COLON = /(?:[\u4e00-\u9fff][ \u3000]){1,7}[\u4e00-\u9fff](?=[ \u3000]*:)/g;

/** The folded paragraph with its labels in the `label:` form (the same string when there is nothing to do). */
export function plainLabels(match: string): string {
  let out = match;
  if (out.includes('【') || out.includes('[')) out = openBracketLabels(out);
  if (BULLET.test(out)) out = out.replace(BULLETS, ' ');
  if (out.includes(' ')) {
    out = out.replace(SPACED_BEFORE_COLON, (w) => {
      // only a role or deadline label is closed up (its blanks move behind it, before the colon)
      const word = w.replace(/[ \u3000]/g, '');
      const probe = word + ':';
      const label = labelAt(probe, 0, true);
      const known = (label && label.end === probe.length) || (DEADLINE_LABELS as readonly string[]).includes(word);
      return known ? word + ' '.repeat(w.length - word.length) : w;
    });
  }
  return out;
}

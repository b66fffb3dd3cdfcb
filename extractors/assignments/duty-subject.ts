/**
 * Duty lines whose subject is the agency (`市房产局：负责牵头…`), not a clause after the task: none of the
 * clause styles of clauses.ts apply, so the subject list is read here. A module of its own because the
 * tasks stage calls it only inside a 职责分工 section, and only where findClauses found nothing.
 */
import { isAgencyLike, listItems } from './agency-list.js';
import { trim } from './bracket-scan.js';
import type { Clause, Role } from './clause-types.js';

/**
 * Department-as-subject duty lines of a 职责分工 section: `市房产局：负责牵头…`, `房管所、规建生态办负责牵头组织…`,
 * `经发办负责园区…工作；`. The subject list must consist of agency names; the role is `lead` when the duty
 * starts with 牵头, else `responsible`. The paragraph text is the task; the clause is the subject.
 */
export function findDutySubject(match: string, clean: string): Clause | null {
  const head = match.slice(0, 120);
  let cut = -1;
  let connector = '';
  const colon = head.indexOf(':');
  const fz = head.indexOf('负责');
  const qt = head.indexOf('牵头');
  const cands = [colon, fz, qt].filter((i) => i > 0);
  if (!cands.length) return null;
  cut = Math.min(...cands);
  const after = match.slice(cut);
  const cm = /^(?::\s*)?(?:负责)?(?:牵头)?/.exec(after)!;
  connector = clean.slice(cut, cut + cm[0].length);
  const [a, b] = trim(match, 0, cut);
  if (/[,;。]/.test(match.slice(a, b))) return null; // a subject is a 、-list, not a sentence
  const items = listItems(match, clean, a, b, []);
  if (!items.length || !items.every((it) => isAgencyLike(it.agency))) return null;
  const role: Role = /牵头/.test(connector) ? 'lead' : 'responsible';
  const roleText = connector.replace(/^[\s:：]+/, '') || '：';
  return {
    start: a, end: cut + cm[0].length, style: 'duty', text: clean.slice(a, cut + cm[0].length),
    entries: items.map((it) => ({ agency: it.agency, role, roleText, start: it.start, end: it.end })),
    carry: [], firstIsLead: null, problems: [],
  };
}

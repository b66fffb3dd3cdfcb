/**
 * `由市水务局牵头，会同市财政局、市发展改革委研究制定…`, `由市发展改革委会同市财政局制定…`: the units after
 * 会同 ("together with", the unit before it leading) take part in the task. No bracket, label or role word
 * closes that list: it ends at a comma, or where the sentence's verb starts. So each place where a name could end (an
 * agency suffix) is tried in order, and the list ends at the first one that is followed by a verb a plan
 * puts after its units; every item before must read as an agency too, or there is no list.
 */
import { isAgencyLike, listItems } from './agency-list.js';
import { splitTop, trim } from './bracket-scan.js';
import type { ClauseEntry } from './clause-types.js';

/** the verbs (and 等-less adverbs) a sentence goes on with after its units: where the list ends */
const VERB_START = /^(?:共同|联合|分别|研究|制定|制订|开展|推进|组织|做好|加强|建立|健全|完善|出台|编制|实施|督促|指导|抓好|落实|负责|建设|推动|加快|统筹|起草|修订|修编|评估|论证|完成|部署|办理|审核|审查|核定|确定|明确|提出|拟定|印发|做|对|按|抓紧|及时|定期|每年|每季度|于|在)/;
/** where an agency's name can end (a suffix a unit's name closes with) */
const NAME_END = /[局委厅办部院所心府会室队站处行署联协司团门位构]$/;
/** the longest list after 会同 that is read: more is a sentence, not a list */
const MAX_LIST = 120;

/**
 * The units listed after the `会同` at match[a] (a ≤ the segment's end b), each a `participate` entry, and
 * where the list ends; null when no list of agencies followed by a verb is there.
 */
export function readTogetherWith(match: string, clean: string, a: number, b: number): { entries: ClauseEntry[]; end: number } | null {
  if (!match.startsWith('会同', a)) return null;
  const from = a + 2;
  const stop = Math.min(b, from + MAX_LIST);
  const items = splitTop(match, from, stop, '、');
  let end = -1;
  for (let i = 0; i < items.length && end < 0; i++) {
    const [p, q] = trim(match, items[i][0], items[i][1]);
    if (isAgencyLike(match.slice(p, q))) {
      // the last item ending the segment (`会同A、B，完成…`: a comma closes the list) ends the list
      if (i === items.length - 1 && stop === b) end = q;
      continue; // (an item before the last: an agency, or the verb started inside it, `会同A研究、制定…`)
    }
    // the first place in the item where a name ends and a verb starts
    for (let k = p + 2; k < q; k++) {
      if (NAME_END.test(match[k - 1]) && VERB_START.test(match.slice(k, k + 4)) && isAgencyLike(match.slice(p, k))) {
        end = k;
        break;
      }
    }
    if (end < 0) return null;
  }
  if (end < 0) return null;
  const entries = listItems(match, clean, from, end, []).map((it) => ({ ...it, role: 'participate' as const, roleText: '会同' }));
  return entries.length && entries.every((e) => isAgencyLike(e.agency)) ? { entries, end } : null;
}

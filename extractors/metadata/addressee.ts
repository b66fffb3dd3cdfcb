/**
 * The 主送 line of a notice (`各县（市、区）人民政府，市政府各部门：`): whom a city addresses tells its level where
 * its name cannot. A 市 named alone reads as city level; one that addresses its towns and 街道 directly and no
 * county or district is a county-level city (`昆山市人民政府` → `各镇人民政府，各街道办事处`). The few
 * prefecture-level cities without counties or districts address their towns too, and are known by name.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';

/** Lines read for the 主送 line: the head of a notice. */
const HEAD_LINES = 60;
/** `各县（市、区）人民政府，市政府各部门，各直属机构：` — a list of bodies ending in a colon. */
const ADDRESSEE_LINE = /^(?:各|[\u4e00-\u9fff]{0,12}(?:人民政府|政府|管委会|办公室|各部门|各单位))[^。；]{2,160}[:：]$/;
const TOWNS = /(?:^|各|[、，,])(?:乡镇|镇|乡|苏木|街道)|镇人民政府|乡人民政府|街道办事处/;
const COUNTIES = /县|旗|(?:^|各|[、，,])区(?:[、，,]|人民政府|政府)/;
/** 不设区的地级市: prefecture-level cities that address their towns directly. */
const TOWN_LED_PREFECTURES = /^(?:东莞市|中山市|嘉峪关市|儋州市|三沙市)$/;

/** The 主送 line of the document's head, or null. */
export function addresseeLine(doc: PlanDocument): string | null {
  for (let i = 0; i < Math.min(doc.lines.length, HEAD_LINES); i++) {
    if (doc.roles[i] !== LineRole.Body) continue;
    const t = doc.lines[i].clean.trim().replace(/\s+/g, '');
    if (ADDRESSEE_LINE.test(t)) return t;
  }
  return null;
}

/** Does the city `region` (one 市, no chain) address towns and no counties, as only a county-level city does? */
export function addressesTownsOnly(region: string, addressee: string | null): boolean {
  if (!addressee || TOWN_LED_PREFECTURES.test(region)) return false;
  return TOWNS.test(addressee) && !COUNTIES.test(addressee);
}

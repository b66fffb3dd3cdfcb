/**
 * The vocabulary of responsibility roles (牵头 / 配合 / 落实 / 负责): labels written before an agency list
 * (`牵头单位：`), role words written after one (`…牵头`, `…按职责分工负责`), the stems that say which role
 * a label or note names, and the column labels of tables that hold agencies. The assignment parser
 * (extractors/assignments/role-words.ts), the table stages (tables/tasks.ts, classify.ts, header-words.ts,
 * indicators.ts) and corrections (pipeline/corrections-apply.ts) all read their role words from here.
 */
import type { AssignmentRecord } from '../../schemas/records.js';
import { anyOf } from './words.js';

export type Role = AssignmentRecord['role'];

/** Role labels (`牵头单位：`), longest first so `牵头责任单位` wins over `责任单位`. */
export const ROLE_LABELS: ReadonlyArray<readonly [string, Role]> = (
  [
    ['牵头责任单位', 'lead'], ['责任牵头单位', 'lead'], ['牵头考核单位', 'lead'], ['牵头单位', 'lead'], ['牵头部门', 'lead'],
    ['主责单位', 'lead'], ['主责部门', 'lead'], ['主办单位', 'lead'], ['牵头处室', 'lead'],
    ['责任配合单位', 'participate'], ['配合单位', 'participate'], ['配合部门', 'participate'], ['协办单位', 'participate'],
    ['参与单位', 'participate'], ['参与部门', 'participate'], ['参加单位', 'participate'], ['支撑单位', 'participate'],
    ['协同单位', 'participate'], ['协作单位', 'participate'], ['协助单位', 'participate'],
    ['落实单位', 'implement'], ['实施单位', 'implement'], ['实施主体', 'implement'],
    ['责任单位', 'responsible'], ['责任部门', 'responsible'], ['责任主体', 'responsible'], ['负责单位', 'responsible'],
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/** Role words after a list (`…牵头`), longest first so `参与落实` wins over `落实`. */
export const ROLE_SUFFIXES: ReadonlyArray<readonly [string, Role]> = (
  [
    ['按职责分工负责', 'responsible'], ['按照职责分工负责', 'responsible'], ['按职能分工负责', 'responsible'],
    // the same without its verb (`A、B按职责分工`): the role is the same, and the words are never a name
    ['按职责分工', 'responsible'], ['按照职责分工', 'responsible'], ['按职能分工', 'responsible'], ['按各自职责', 'responsible'],
    ['按各自职责负责', 'responsible'], ['按照职责负责', 'responsible'], ['按照分工负责', 'responsible'],
    ['按职责分工落实', 'implement'], ['按职责分工抓好落实', 'implement'],
    ['按职责负责', 'responsible'], ['按分工负责', 'responsible'], ['分工负责', 'responsible'], ['共同负责', 'responsible'],
    ['负责落实', 'implement'], ['参与落实', 'implement'], ['配合落实', 'implement'], ['抓好落实', 'implement'],
    ['组织落实', 'implement'], ['具体落实', 'implement'], ['落实', 'implement'],
    ['牵头负责', 'lead'], ['牵头落实', 'lead'], ['牵头', 'lead'],
    ['共同参与', 'participate'], ['参加', 'participate'], ['参与', 'participate'], ['配合', 'participate'],
    ['协助', 'participate'], ['协同', 'participate'], ['协办', 'participate'],
    ['负责', 'responsible'],
    // `市住建局为牵头单位，市自然资源局为配合单位`, `各县（市、区）人民政府为责任主体`: a label said after the list
    ...ROLE_LABELS.map(([w, role]) => [`为${w}`, role] as [string, Role]),
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/** The plain role word of each role (one of ROLE_SUFFIXES): the role text of an assignment added by hand. */
export const ROLE_WORD: Readonly<Record<Role, string>> = { lead: '牵头', participate: '参加', implement: '落实', responsible: '负责' };

/**
 * Literals every role label and role word holds (`牵头单位` holds 单位, `按职责分工负责` 负责): a paragraph
 * without any of them has no label or suffix clause. Checked against ROLE_LABELS and ROLE_SUFFIXES when
 * the module loads, so a new label without a cue fails at once instead of going silently unfound.
 */
const CUES = ['单位', '部门', '处室', '主体', '负责', '落实', '牵头', '参与', '参加', '配合', '协助', '协同', '协办', '分工', '职责'];
for (const [w] of [...ROLE_LABELS, ...ROLE_SUFFIXES]) if (!CUES.some((c) => w.includes(c))) throw new Error(`roles.ts: role word "${w}" holds none of CUES`);
/** matches when a text holds any cue: without one it holds no role label or role word */
export const ROLE_CUE = anyOf(CUES);

/**
 * Adverbs written between a list and its role word (`A、B分别牵头`, `A各自负责`, `A负责牵头`): part of the
 * role text, never of the last name. Longest first; tried once, right before the role word.
 */
export const ROLE_ADVERBS: readonly string[] = ['按职责分工', '按照职责', '依职责', '按职责', '分别', '各自', '共同', '联合', '负责', '具体', '统筹'];

/** Stems that make a label or a note a lead's (`牵头单位`, `主责部门`, `主办单位`). */
export const LEAD_STEMS = ['牵头', '主责', '主办'] as const;
/** Stems that make a label, a note or a column a cooperating agency's (`配合单位`, `（协办）`). */
export const PARTICIPATE_STEMS = ['配合', '协办', '参与', '协助'] as const;
/** Stems that make a label an implementing agency's (`落实单位`, `实施主体`). */
export const IMPLEMENT_STEMS = ['落实', '实施'] as const;

export const LEAD_STEM = anyOf(LEAD_STEMS);
/**
 * Participate, in any `…单位：` label inside a clause: every 协- word (协同, 协作), 参加 and 支撑 too — the
 * label is already known to be a role label, so a wide reading is safe.
 */
export const PARTICIPATE_IN_LABEL = anyOf([...PARTICIPATE_STEMS, '协', '参加', '支撑']);
export const IMPLEMENT_IN_LABEL = anyOf(IMPLEMENT_STEMS);
/** Participate, in a table column's label (`协同单位`, `协作单位`, `参加单位`, `支撑单位`). */
export const PARTICIPATE_IN_COLUMN = anyOf([...PARTICIPATE_STEMS, '协同', '协作', '参加', '支撑']);
/**
 * A role noted in brackets after a name in an agency cell (`市商务局（牵头）`): lead (牵头/主责; `（主办）`
 * has not been met after a name) or participate.
 */
export const ROLE_NOTE = new RegExp(`[（(](${['牵头', '主责', ...PARTICIPATE_STEMS].join('|')})[)）]$`);
export const NOTED_LEAD = anyOf(['牵头', '主责']);
/** `其他为配合单位`, `其余均为协办`: the units after the first of a list cooperate. */
export const OTHERS_PARTICIPATE = new RegExp(`其[他余它](?:单位|部门)?(?:均|都)?为(?:${PARTICIPATE_STEMS.join('|')})`);

/** A table column of agencies by role: lead / cooperating / responsible, the issuing body's own divisions too. */
export const ROLE_COLUMN_HEADER = /牵头|责任单位|责任部门|责任主体|责任处室|主责|主办|配合|协办|参与|协同|支撑单位|推进单位|推进主体|推进部门|实施单位|实施主体|落实单位|承办|处室|科室|负责(?:单位|部门)|(?:协助|协作|参加)(?:单位|部门)|落实(?:部门|主体)|责任(?:区县|县区|县市区|县（市、区）|乡镇|镇街|街镇|街道)/;
/** A column naming people (`牵头领导`, `责任人`, `联系人`): no agencies, no assignments. */
export const PERSON_COLUMN_HEADER = /领导|负责人|责任人|联系人|联络员|分管/;
/**
 * The responsible-agency column of an indicator table (`责任单位`, `牵头部门`, `责任主体`): wider than
 * ROLE_COLUMN_HEADER by any label ending in 单位 (an indicator table has no other column so named but
 * its unit column, which is found first), narrower by the cooperating roles it never has.
 */
export const INDICATOR_RESPONSIBLE_HEADER = /责任|牵头|部门|主体|单位$/;

/**
 * The shapes a responsibility clause is parsed into. Kept apart from the parsers so that the clause
 * finder, the clause-body parser, the duty-subject reader, the tasks stages and the assignments stage
 * share one definition without importing each other.
 */

export type Role = 'lead' | 'participate' | 'implement' | 'responsible';

export interface ClauseEntry {
  /** name as written, after spreading a shared suffix/prefix, blanks removed */
  agency: string;
  role: Role;
  /** the role word or label as written (`牵头`, `参与落实`, `配合单位`) */
  roleText: string;
  /** the list item in the paragraph text */
  start: number;
  end: number;
}

export interface Clause {
  /** whole clause in the paragraph text, brackets included */
  start: number;
  end: number;
  style: 'bracket' | 'label' | 'sentence' | 'duty';
  text: string;
  entries: ClauseEntry[];
  /** `以下均需X落实`: implementers every later clause of the document inherits */
  carry: ClauseEntry[];
  /** `（排在第一为牵头单位，下同）`: the first unit listed leads; `sticky` when it says 下同 */
  firstIsLead: null | 'here' | 'sticky';
  /** what did not parse; each becomes an `unparsed-assignment` diagnostic */
  problems: string[];
  /** deadlines written inside the clause (`（6月底完成，牵头单位：…）`): the task's, as written */
  deadlines?: string[];
  /**
   * Where the text the clause governs ends, when that is past the clause: a clause opening its sentence
   * (`由A牵头，B配合，完成…。`) governs the rest of the sentence, not the text before it.
   */
  governsTo?: number;
}

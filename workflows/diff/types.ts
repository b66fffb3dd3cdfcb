/** The shape of `planx diff --json` (also what the human-readable renderer prints). */

export interface SectionRef {
  id: string;
  marker: string;
  title: string;
  /** titles of the ancestors and the section itself, joined with › */
  path: string;
  line: number;
}

export interface TaskRef {
  id: string;
  marker: string | null;
  title: string;
  line: number;
}

export interface RecordRef {
  id: string;
  name: string;
  line: number | null;
}

export type TaskChangeItem =
  | { kind: 'title'; old: string; new: string }
  | { kind: 'text'; old: string; new: string }
  | { kind: 'marker'; old: string | null; new: string | null }
  | { kind: 'assignment_added'; agency: string; role: string }
  | { kind: 'assignment_removed'; agency: string; role: string }
  | { kind: 'role_changed'; agency: string; old: string; new: string }
  | { kind: 'assignment_text'; old: string | null; new: string | null }
  | { kind: 'deadline_added' | 'deadline_removed'; text: string; year: number | null }
  | { kind: 'target_added' | 'target_removed'; metric: string; value: string }
  | { kind: 'target_changed'; metric: string; old: string; new: string }
  | { kind: 'moved'; from: string; to: string };

export interface TaskChange {
  old: TaskRef;
  new: TaskRef;
  changes: TaskChangeItem[];
}

export interface FieldChange {
  field: string;
  old: string;
  new: string;
}

export interface RecordChange {
  old: RecordRef;
  new: RecordRef;
  changes: FieldChange[];
}

export interface RecordDiff {
  added: RecordRef[];
  removed: RecordRef[];
  changed: RecordChange[];
  unchanged: number;
}

export interface DocDiff {
  old_doc: string | null;
  new_doc: string | null;
  title: string;
  status: 'changed' | 'unchanged' | 'added' | 'removed';
  sections: {
    added: SectionRef[];
    removed: SectionRef[];
    renamed: Array<{ old: SectionRef; new: SectionRef }>;
    moved: Array<{ old: SectionRef; new: SectionRef }>;
    unchanged: number;
  };
  tasks: {
    added: TaskRef[];
    removed: TaskRef[];
    changed: TaskChange[];
    unchanged: number;
    /** matched tasks whose id differs between the two runs (ids are meant to be stable) */
    ids_changed: Array<{ old: string; new: string }>;
  };
  indicators: RecordDiff;
  projects: RecordDiff;
  /** prose targets not attached to a task (those of tasks are reported with the task) */
  targets: RecordDiff;
  /** body paragraphs outside every task (e.g. an inserted paragraph of background) */
  paragraphs: RecordDiff;
}

export interface DiffReport {
  old: string;
  new: string;
  documents: DocDiff[];
  /** number of differences over all documents (0 = identical content) */
  differences: number;
}

/**
 * Typed hand-offs between stages. A stage that makes something a later stage needs declares a `Slot` next
 * to itself (`export const TABLE_REGIONS = new Slot<TableRegion[]>('table regions')`), puts its value on
 * the document (`doc.data.put(TABLE_REGIONS, regions)`), and the later stage takes it
 * (`doc.data.get(TABLE_REGIONS)`), typed, without a cast. The stage list (pipeline/stages.ts) names what
 * each stage reads and writes and is checked when it is built (`checkStageOrder`), so a stage moved before
 * the one it depends on is an error at start-up, not an empty result; reading a slot nobody wrote throws.
 */

/** One kind of stage product; `T` is the type of its value (a phantom: slots hold no value themselves). */
export class Slot<T> {
  declare private readonly phantom: T;
  constructor(readonly name: string) {}
}

/** A slot read before any stage wrote it: a stage runs before the one it depends on. */
export class MissingStageData extends Error {
  constructor(readonly slot: string) {
    super(`stage data "${slot}" was read before the stage that makes it ran (see the stage list, pipeline/stages.ts)`);
    this.name = 'MissingStageData';
  }
}

/** The products of the stages run so far on one document. */
export class StageData {
  private readonly values = new Map<Slot<unknown>, unknown>();

  put<T>(slot: Slot<T>, value: T): void {
    this.values.set(slot, value);
  }

  get<T>(slot: Slot<T>): T {
    if (!this.values.has(slot)) throw new MissingStageData(slot.name);
    return this.values.get(slot) as T;
  }

  has(slot: Slot<unknown>): boolean {
    return this.values.has(slot);
  }
}

/** A stage as the pipeline runs it, with the slots it reads and writes. */
export interface StageSpec<D> {
  name: string;
  run: (doc: D) => unknown;
  reads?: readonly Slot<unknown>[];
  writes?: readonly Slot<unknown>[];
}

/**
 * Throws when a stage reads a slot no earlier stage writes, naming both; returns the list unchanged so the
 * stage list can be checked where it is declared.
 */
export function checkStageOrder<S extends StageSpec<never>>(stages: S[]): S[] {
  const written = new Set<Slot<unknown>>();
  for (const s of stages) {
    for (const slot of s.reads ?? []) {
      if (!written.has(slot)) {
        const later = stages.find((t) => t.writes?.includes(slot));
        throw new Error(`stage "${s.name}" reads "${slot.name}", which ${later ? `stage "${later.name}" writes only later` : 'no stage writes'}`);
      }
    }
    for (const slot of s.writes ?? []) written.add(slot);
  }
  return stages;
}

/** The output formats planx writes (JSONL always; the others derived from it). Kept apart so the CLI can list them without loading the writers. */
export const FORMATS = ['jsonl', 'csv', 'sqlite', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

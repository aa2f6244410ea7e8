/**
 * Receives the records of a source as a reader parses them, synchronously and in file order. Throwing from a
 * callback stops the read and rejects it with that error (this is how `onBadRow: 'error'` stops at a bad row).
 */
export interface RecordVisitor<R> {
  /**
   * A record that parsed; `line` is the 1-based line where it starts, `text` the record as written in the file (to
   * find the column of a value that makes it a bad row).
   */
  record(record: R, line: number, text: string): void;
  /**
   * A record that could not be parsed (skippable in `onBadRow: 'skip'` mode), with a one-line problem and, when
   * one is to blame, the 1-based column (in characters) within `line`.
   */
  bad(line: number, problem: string, column?: number): void;
}

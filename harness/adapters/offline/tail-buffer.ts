/** Keeps the last `maxLines` lines (and at most `maxChars` characters) of a stream of text chunks. */
export class TailBuffer {
  #text = '';
  readonly #maxLines: number;
  readonly #maxChars: number;

  constructor(maxLines = 20, maxChars = 4_000) {
    this.#maxLines = maxLines;
    this.#maxChars = maxChars;
  }

  /** Appends a chunk. */
  push(chunk: string | Buffer): void {
    this.#text += chunk.toString();
    if (this.#text.length > this.#maxChars * 2) this.#text = this.#text.slice(-this.#maxChars);
  }

  /** The tail so far. */
  toString(): string {
    const lines = this.#text.slice(-this.#maxChars).split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.slice(-this.#maxLines).join('\n');
  }
}

/** Keeps the last lines a process wrote, for error messages. */
export interface OutputTail {
  /** Adds a chunk of `stream`'s output; returns the lines it completed (for live logging). */
  append(stream: 'stdout' | 'stderr', chunk: string): string[];
  /** The kept lines, oldest first, including a last unterminated line of each stream. */
  text(): string;
}

// One runaway line (a minified bundle, a base64 blob) must not keep megabytes alive for a message.
const MAX_LINE_LENGTH = 1000;

/**
 * Creates an {@link OutputTail} of the last `maxLines` lines of stdout and stderr together. Partial lines are kept
 * per stream, so interleaved writes of the two streams do not splice each other's lines.
 */
export function createOutputTail(maxLines = 50): OutputTail {
  const lines: string[] = [];
  const partial = { stdout: '', stderr: '' };
  const keep = (line: string): void => {
    lines.push(line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line);
    if (lines.length > maxLines) lines.splice(0, lines.length - maxLines);
  };
  return {
    append(stream, chunk) {
      const pieces = (partial[stream] + chunk).split(/\r?\n/);
      partial[stream] = pieces.pop() ?? '';
      if (partial[stream].length > MAX_LINE_LENGTH * 4) {
        pieces.push(partial[stream]);
        partial[stream] = '';
      }
      for (const line of pieces) keep(line);
      return pieces;
    },
    text() {
      const open = [partial.stdout, partial.stderr].filter((line) => line !== '');
      return [...lines, ...open].slice(-maxLines).join('\n');
    },
  };
}

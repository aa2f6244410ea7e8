import { SkewError } from './skew-error';

/**
 * A serving cassette (`--record-serving` / `--replay-serving`) cannot be used: the directory is missing or holds a
 * line that is not a cassette record, or a replayed run asked for a request the cassette has no answer for (the
 * cassette is stale: the sample, the config or the request mapping changed since it was recorded). Ends the run with
 * exit 2 — a replay never passes a row it cannot answer.
 */
export class ServingCassetteError extends SkewError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SERVING_CASSETTE', message, options);
  }
}

import type { SideResult } from '../../core/row';
import { ServingCassetteError } from '../../errors/cassette-error';
import { ConfigError } from '../../errors/config-error';
import type { SkewError } from '../../errors/skew-error';
import { ServingAuthError } from '../../errors/serving-error';
import type { AdapterRow } from '../feature-adapter';
import { AbortScope } from './abort-scope';
import { isRowCausedBatchFailure, sendOneByOne } from './batch-fallback';
import { batchStarts } from './batch-units';
import { isUnsendable } from '../../core/row-rejection';
import { CassetteMissError, type ServingCassette } from './cassette/serving-cassette';
import type { CircuitBreaker } from './circuit-breaker';
import { sendBatch, sendRow, type RequestContext, type RequestOutcome } from './row-requests';
import { isRefusedCredentialsStatus } from './refused-credentials';
import { formatRefusedCredentials, SKIPPED_ABORTED } from './serving-messages';

/** What every `compute` call of one serving adapter shares: how to send, the breaker, what the endpoint has shown. */
export interface ServingCallShared {
  requests: RequestContext;
  breaker: CircuitBreaker;
  cassette: ServingCassette | undefined;
  /** Whether any row was ever answered (refusals and redirects before that end the run). */
  answeredOnce: boolean;
  /** The rows of the last request the endpoint answered in full: the health check of a streak of failures. */
  lastAnswered: readonly AdapterRow[] | null;
  /** Batches sent, and those failed as a whole and resent row by row (with the first one's error), for the report. */
  batches: BatchCounts;
  /** Rows that could not be made into a request (never sent), by key, and the first one's reason, for the report. */
  unsendable: { keys: Set<string>; firstReason: string | null };
  /** Whether any request was ever sent (a row that could not be built is not). */
  sentOnce: boolean;
  /** Before any row was answered: the rows whose 2xx answer could not be read as features (see {@link UNREAD_LIMIT}). */
  unread: Set<string>;
  /** The source's key columns: no batch carries two rows with the same key values (see {@link batchStarts}). */
  keyColumns: readonly string[];
}

/**
 * Distinct rows answered 2xx, none of them readable as features, before any row was: past this many the response
 * mapping is wrong (`serving.response.path` names a member the answers do not have), not the rows — a server that
 * answers 200 with an error body for invalid input does not do so for this many rows in a row of training data.
 */
export const UNREAD_LIMIT = 20;

/**
 * Distinct rows that could not be made into a request before any request was sent: past this many, the request
 * mapping cannot carry this data at all (a column null in every row, a URL column no row has), not a few rows.
 */
export const UNSENDABLE_LIMIT = 20;

/** How the batch endpoint fared: batch requests sent, and how many were resent row by row (the first one's error). */
export interface BatchCounts {
  sent: number;
  resentRowByRow: number;
  firstResendReason: string | null;
}

/**
 * One `compute` call of the serving adapter: its rows sent by `concurrency` workers (a batch or a row per request),
 * each request's results settled — handed to `onResult`, and kept unless the call streams — and the rows nothing
 * answered skipped. A class rather than closures made per call: its methods are the same functions for V8 in every
 * call (one per parity window), so their optimized code is not tied to one call's closures.
 */
export class ServingCall {
  /** The call's stop switch: the caller's abort, the breaker opening and a throwing `onResult` all stop it. */
  private readonly run = new AbortScope();
  private readonly results: Array<SideResult | undefined>;
  private readonly settled: Uint8Array;
  private readonly batchSize: number;
  /** Batch starts when some rows share key values (see {@link batchStarts}); `null`: slices of `batchSize`. */
  private readonly starts: number[] | null;
  private readonly unitCount: number;
  private next = 0;
  private callbackError: { error: unknown } | null = null;
  private endingError: SkewError | undefined = undefined;

  constructor(
    private readonly shared: ServingCallShared,
    private readonly rows: readonly AdapterRow[],
    private readonly onResult: ((index: number, result: SideResult) => void) | undefined,
    /** Results go to `onResult` only: which rows are settled is all this call keeps. */
    private readonly stream: boolean,
  ) {
    this.results = stream ? [] : new Array<SideResult | undefined>(rows.length);
    this.settled = new Uint8Array(rows.length);
    this.batchSize = shared.requests.options.batch?.size ?? 1;
    this.starts = batchStarts(rows, this.batchSize, shared.keyColumns);
    this.unitCount = this.starts ? this.starts.length : Math.ceil(rows.length / this.batchSize);
  }

  /** Sends every row; resolves to the results in row order (`[]` when streaming), or rejects with what ended the call. */
  async execute(signal: AbortSignal | undefined): Promise<SideResult[]> {
    const { run } = this;
    const forwardAbort = (): void => run.abort();
    if (signal?.aborted) run.abort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const workers: Array<Promise<void>> = [];
      const count = Math.min(this.shared.requests.options.concurrency, this.unitCount);
      for (let i = 0; i < count; i++) workers.push(this.worker());
      await Promise.all(workers);
    } finally {
      signal?.removeEventListener('abort', forwardAbort);
    }
    const skipped: SideResult = { kind: 'skipped', reason: this.shared.breaker.openReason ?? SKIPPED_ABORTED };
    for (let i = 0; i < this.rows.length; i++) if (this.settled[i] === 0) this.settle(i, { ...skipped });
    if (this.callbackError) throw this.callbackError.error;
    if (this.endingError) throw this.endingError;
    return this.results as SideResult[];
  }

  private async worker(): Promise<void> {
    while (!this.run.aborted && this.shared.breaker.openReason === null && this.next < this.unitCount) await this.runUnit(this.next++);
  }

  private settle(index: number, result: SideResult): void {
    this.settled[index] = 1;
    if (!this.stream) this.results[index] = result;
    if (this.onResult === undefined || this.callbackError) return;
    try {
      this.onResult(index, result);
    } catch (error) {
      this.callbackError = { error };
      this.run.abort();
    }
  }

  /**
   * Notes rows that could not be made into a request (each row once, however many checks send it). Past
   * {@link UNSENDABLE_LIMIT} of them before any request was sent, the request mapping is the error.
   */
  private countUnsendable(rows: readonly AdapterRow[], results: readonly SideResult[]): ConfigError | undefined {
    const { unsendable } = this.shared;
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      if (!isUnsendable(result)) continue;
      unsendable.keys.add(rows[i]!.key);
      unsendable.firstReason ??= result.reason;
    }
    if (this.shared.sentOnce || unsendable.keys.size < UNSENDABLE_LIMIT) return undefined;
    return new ConfigError(
      'serving.request',
      `cannot carry this data: none of the first ${UNSENDABLE_LIMIT} rows could be made into a request (${unsendable.firstReason ?? ''}); encode such values in a serving.request function the way your production client does`,
    );
  }

  /** Notes rows answered 2xx but unreadable; past {@link UNREAD_LIMIT} of them, the response mapping is the error. */
  private unreadAnswers(rows: readonly AdapterRow[], results: readonly SideResult[], responsePath: string): ConfigError | undefined {
    const { unread } = this.shared;
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      if (result.kind !== 'error' || result.status === undefined || result.status < 200 || result.status > 299) continue;
      unread.add(rows[i]!.key);
      if (unread.size >= UNREAD_LIMIT) {
        return new ConfigError(responsePath, `does not read the endpoint's answers: none of the first ${UNREAD_LIMIT} rows answered with 2xx could be read as features (${result.message}); check its path (or mapper) against what the endpoint answers`);
      }
    }
    return undefined;
  }

  /** One request's rows (a batch, or one row), start to settled results. */
  private async runUnit(unit: number): Promise<void> {
    const { shared, run } = this;
    const { requests, breaker } = shared;
    const { options } = requests;
    const { starts } = this;
    const first = starts ? starts[unit]! : unit * this.batchSize;
    const unitRows = this.rows.slice(first, starts ? (starts[unit + 1] ?? this.rows.length) : first + this.batchSize);
    try {
      let outcome: RequestOutcome = options.batch
        ? await sendBatch(requests, fieldsOf(unitRows), run)
        : await sendRow(requests, unitRows[0]!.fields, run);
      // A batch whose body could not be built was never sent: not the batch endpoint's doing (the unsendable warning
      // covers its rows).
      const batchSent = options.batch !== null && outcome.kind === 'done' && outcome.endpoint !== 'untested';
      if (batchSent) shared.batches.sent++;
      let resent = false;
      // One row the batch endpoint cannot handle must not cost its whole batch: resend the rows one by one.
      if (options.batch && unitRows.length > 1 && isRowCausedBatchFailure(outcome)) {
        if (batchSent) {
          shared.batches.resentRowByRow++;
          shared.batches.firstResendReason ??= firstError(outcome);
        }
        resent = true;
        outcome = await sendOneByOne(requests, fieldsOf(unitRows), run);
      }
      if (outcome.kind === 'aborted' || run.aborted) return;
      const { results: unitResults } = outcome;
      let okCount = 0;
      for (let i = 0; i < unitResults.length; i++) if (unitResults[i]!.kind === 'ok') okCount++;
      if (okCount > 0) shared.answeredOnce = true;
      if (outcome.endpoint !== 'untested') shared.sentOnce = true;
      // Answers read by the single-row mapping after a fallback: serving.response, not the batch's.
      const responsePath = options.batch && !resent ? 'serving.batch.response' : 'serving.response';
      const unsendable = outcome.endpoint === 'untested' || okCount < unitResults.length ? this.countUnsendable(unitRows, unitResults) : undefined;
      // Refused or redirected before any row was ever answered: the configuration is wrong, and every row would get
      // the same answer (later, a 403 may be one row's WAF rule). So is a response or request mapping that fits no row.
      const misconfigured = shared.answeredOnce
        ? undefined
        : (configurationError(unitResults, options.batch ? 'serving.batch.url' : 'serving.url') ?? this.unreadAnswers(unitRows, unitResults, responsePath) ?? unsendable);
      if (misconfigured) {
        this.endingError ??= misconfigured;
        run.abort();
        return;
      }
      if (outcome.endpoint === 'up') {
        breaker.recordSuccess();
        if (okCount === unitResults.length) shared.lastAnswered = unitRows;
      }
      for (let i = 0; i < unitResults.length; i++) this.settle(first + i, unitResults[i]!);
      if (outcome.endpoint === 'down' && breaker.recordFailure(outcome.message ?? 'request failed')) {
        // Before declaring the endpoint down, ask it again for rows it answered before: if it still answers, the
        // streak was rows it cannot handle (a crash on odd input resets the connection), not a dead endpoint.
        if (shared.lastAnswered && (await stillAnswers(requests, shared.lastAnswered, run))) breaker.reset();
        else {
          breaker.open();
          run.abort();
        }
      }
    } catch (error) {
      run.abort();
      const { cassette } = shared;
      if (!(error instanceof CassetteMissError) || !cassette) throw error;
      this.endingError ??= cassetteMiss(cassette.label, unitRows.map((row) => row.key), error.endpoint);
    }
  }
}

function fieldsOf(rows: readonly AdapterRow[]): AdapterRow['fields'][] {
  const fields = new Array<AdapterRow['fields']>(rows.length);
  for (let i = 0; i < rows.length; i++) fields[i] = rows[i]!.fields;
  return fields;
}

/** Whether the endpoint still answers, in full, rows it answered before. */
async function stillAnswers(requests: RequestContext, adapterRows: readonly AdapterRow[], run: AbortScope): Promise<boolean> {
  const rows = fieldsOf(adapterRows);
  const outcome = requests.options.batch && rows.length > 1 ? await sendBatch(requests, rows, run) : await sendRow(requests, rows[0]!, run);
  return outcome.kind !== 'aborted' && outcome.endpoint === 'up' && outcome.results.every((r) => r.kind === 'ok');
}

/** `serving cassette DIR has no answer for row 42 (POST /features); record it again with --record-serving DIR` */
function cassetteMiss(label: string, keys: readonly string[], endpoint: string): ServingCassetteError {
  const rows = keys.length === 1 ? `row ${keys[0]}` : `rows ${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ` (+${keys.length - 3} more)` : ''}`;
  return new ServingCassetteError(`serving cassette ${label} has no answer for ${rows} (${endpoint}); record it again with --record-serving ${label}`);
}

/** The error that ends the run when a request's rows say the configuration is wrong: refused credentials, a redirect. */
function configurationError(results: readonly SideResult[], urlPath: string): ServingAuthError | ConfigError | undefined {
  for (const result of results) {
    if (result.kind !== 'error' || result.status === undefined) continue;
    // Before any row was answered, no row ever will be.
    if (isRefusedCredentialsStatus(result.status)) return new ServingAuthError(formatRefusedCredentials(result.message), result.status);
    if (result.status >= 300 && result.status <= 399) return new ConfigError(urlPath, `answers with a redirect: ${result.message}`);
  }
  return undefined;
}

/** A failed request's first error message (a batch's failure is the same for each of its rows). */
function firstError(outcome: RequestOutcome): string | null {
  if (outcome.kind !== 'done') return null;
  const failed = outcome.results.find((r) => r.kind === 'error');
  return failed?.kind === 'error' ? failed.message : outcome.message;
}

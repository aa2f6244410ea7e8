import type { CheckResult } from '../core/check-result';
import type { SkewReport } from '../core/report';
import type { BeginEvent, ProgressEvent, Reporter, SampledEvent } from './reporter';

/** A reporter that failed, and how. */
export interface ReporterFailure {
  /** Reporter name. */
  reporter: string;
  /** The error it threw. */
  error: unknown;
}

/**
 * Fans events out to several reporters and isolates them: a reporter that throws is recorded in `failures` and
 * skipped from then on, never taking the run or the other reporters down with it.
 */
export class ReporterMultiplexer implements Reporter {
  readonly name = 'multiplexer';
  /** Reporters that threw. */
  readonly failures: ReporterFailure[] = [];
  readonly #reporters: Reporter[];

  constructor(reporters: readonly Reporter[]) {
    this.#reporters = [...reporters];
  }

  onBegin(event: BeginEvent): void {
    this.#each((r) => r.onBegin?.(event));
  }

  onSampled(event: SampledEvent): void {
    this.#each((r) => r.onSampled?.(event));
  }

  onCheckBegin(check: string, total: number): void {
    this.#each((r) => r.onCheckBegin?.(check, total));
  }

  onProgress(event: ProgressEvent): void {
    this.#each((r) => r.onProgress?.(event));
  }

  onCheckEnd(result: CheckResult): void {
    this.#each((r) => r.onCheckEnd?.(result));
  }

  async onEnd(report: SkewReport): Promise<void> {
    for (const reporter of this.#live()) {
      try {
        await reporter.onEnd?.(report);
      } catch (error) {
        this.failures.push({ reporter: reporter.name, error });
      }
    }
  }

  onError(error: unknown): void {
    this.#each((r) => r.onError?.(error));
  }

  #live(): Reporter[] {
    return this.#reporters.filter((r) => !this.failures.some((f) => f.reporter === r.name));
  }

  #each(call: (reporter: Reporter) => void): void {
    for (const reporter of this.#live()) {
      try {
        call(reporter);
      } catch (error) {
        this.failures.push({ reporter: reporter.name, error });
      }
    }
  }
}

import { SingleBar } from 'cli-progress';
import type { SkewReport } from '../core/report';
import { createColors, shouldColor } from './colors';
import { formatTerminalReport } from './format-terminal-report';
import type { ProgressEvent, Reporter } from './reporter';

/** Options of {@link createTerminalReporter}. */
export interface TerminalReporterOptions {
  /** Where the report goes. Default `process.stdout`. */
  out?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where progress goes. Default `process.stderr`. */
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Colour: default per `NO_COLOR` / `FORCE_COLOR` / TTY. */
  color?: boolean;
  /** Example rows per failing field. Default 3. */
  examples?: number;
  /** Files other reporters write, listed at the end. */
  files?: string[];
}

/**
 * The terminal reporter: a progress bar on a TTY (plain progress lines at each quarter otherwise, so CI logs
 * stay short), then the report as tables.
 */
/** Without a TTY, progress lines start only once a run has taken this long (a heartbeat for long nightly runs). */
const PLAIN_PROGRESS_AFTER_MS = 10_000;

export function createTerminalReporter(options: TerminalReporterOptions = {}): Reporter {
  const out = options.out ?? process.stdout;
  const progressStream = options.progress ?? process.stderr;
  const colors = createColors(options.color ?? shouldColor(out));
  const tty = progressStream.isTTY === true;
  let bar: SingleBar | undefined;
  let lastQuarter = new Map<string, number>();
  const done = { offline: 0, online: 0 };
  const createdAt = Date.now();
  let failed = false;

  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };

  return {
    name: 'terminal',
    onCheckBegin(check, total) {
      done.offline = 0;
      done.online = 0;
      lastQuarter = new Map();
      if (!tty || total === 0) return;
      bar = new SingleBar(
        {
          stream: progressStream,
          format: `${check} {bar} {value}/{total} rows  offline {offline}  online {online}  {eta_formatted}`,
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
        },
      );
      bar.start(total, 0, { offline: 0, online: 0 });
    },
    onProgress(event: ProgressEvent) {
      // After an error nothing of the run is shown but the error itself.
      if (failed) return;
      done[event.side] = event.done;
      if (bar) {
        bar.update(Math.min(done.offline, done.online), { offline: done.offline, online: done.online });
        return;
      }
      // Without a TTY (CI logs) stay quiet, but say something when a run goes on long enough to look stuck.
      if (Date.now() - createdAt < PLAIN_PROGRESS_AFTER_MS) return;
      const quarter = Math.floor((4 * event.done) / event.total);
      const key = `${event.check}:${event.side}`;
      if (quarter > 0 && quarter !== lastQuarter.get(key)) {
        lastQuarter.set(key, quarter);
        progressStream.write(`${event.check}: ${event.side} ${event.done}/${event.total} rows\n`);
      }
    },
    onCheckEnd() {
      stopBar();
    },
    onEnd(report: SkewReport) {
      stopBar();
      const width = (out as { columns?: number }).columns;
      out.write(`${formatTerminalReport(report, { colors, examples: options.examples ?? 3, files: options.files ?? [], ...(width ? { width } : {}) })}\n`);
    },
    onError() {
      failed = true;
      stopBar();
    },
  };
}

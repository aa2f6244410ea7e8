import type { SkewReport } from '../core/report';
import { writeFileAtomic } from '../io/write-file-atomic';
import type { Reporter } from './reporter';

/** A reporter that renders the finished report with `render` and writes it to `file` atomically. */
export function createFileReporter(name: string, file: string, render: (report: SkewReport) => string): Reporter {
  return {
    name,
    async onEnd(report) {
      await writeFileAtomic(file, render(report));
    },
  };
}

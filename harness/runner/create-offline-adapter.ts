import type { FeatureAdapter } from '../adapters/feature-adapter';
import { createColumnsAdapter } from '../adapters/offline/columns-adapter';
import { createCommandAdapter } from '../adapters/offline/command-adapter';
import { createHttpOfflineAdapter } from '../adapters/offline/http-adapter';
import { createModuleAdapter } from '../adapters/offline/module-adapter';
import type { Redactor } from '../core/row';
import type { ResolvedOffline } from '../config/resolved-config';

/** Creates the offline adapter a resolved config asks for. */
export async function createOfflineAdapter(
  offline: ResolvedOffline,
  featureColumns: ReadonlyArray<{ column: string; feature: string }>,
  redact?: Redactor,
): Promise<FeatureAdapter> {
  switch (offline.kind) {
    case 'module':
      return createModuleAdapter({ path: offline.path, exportName: offline.exportName, batchSize: offline.batchSize, timeoutMs: offline.timeoutMs });
    case 'command':
      return createCommandAdapter({ command: offline.command, cwd: offline.cwd, env: offline.env, timeoutMs: offline.timeoutMs, concurrency: offline.concurrency, mode: offline.mode });
    case 'columns':
      return createColumnsAdapter({ columns: featureColumns });
    case 'http':
      return createHttpOfflineAdapter(offline.options, redact ? { redact } : {});
  }
}

import type { FeatureAdapter } from '../adapters/feature-adapter';
import { createColumnsAdapter } from '../adapters/offline/columns-adapter';
import { createCommandAdapter } from '../adapters/offline/command-adapter';
import { createHttpOfflineAdapter } from '../adapters/offline/http-adapter';
import { createModuleAdapter } from '../adapters/offline/module-adapter';
import type { Redactor } from '../core/row';
import type { ResolvedOffline } from '../config/resolved-config';

/** Options of {@link createOfflineAdapter}. */
export interface OfflineAdapterOptions {
  /**
   * The rows were chosen by key (`--keys`), most likely because they fail: the pipeline is then never declared broken
   * as a whole because those rows fail (only when it cannot start). Default `false`.
   */
  chosenRows?: boolean;
}

/** Creates the offline adapter a resolved config asks for. */
export async function createOfflineAdapter(
  offline: ResolvedOffline,
  featureColumns: ReadonlyArray<{ column: string; feature: string }>,
  redact?: Redactor,
  options: OfflineAdapterOptions = {},
): Promise<FeatureAdapter> {
  const chosenRows = options.chosenRows ?? false;
  switch (offline.kind) {
    case 'module':
      return createModuleAdapter({ path: offline.path, exportName: offline.exportName, batchSize: offline.batchSize, timeoutMs: offline.timeoutMs, chosenRows });
    case 'command':
      return createCommandAdapter({ command: offline.command, cwd: offline.cwd, env: offline.env, timeoutMs: offline.timeoutMs, concurrency: offline.concurrency, mode: offline.mode, files: offline.files, chosenRows });
    case 'columns':
      return createColumnsAdapter({ columns: featureColumns });
    case 'http':
      return createHttpOfflineAdapter(offline.options, { ...(redact ? { redact } : {}), chosenRows });
  }
}

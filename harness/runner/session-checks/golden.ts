import * as path from 'node:path';
import { runGoldenCheck } from '../../checks/golden-check';
import { readGoldenFile, updateGoldenFile, writeGoldenProposal } from '../../golden/golden-store';
import { readGoldenRows } from '../session-rows';
import { goldenHeader } from '../session-results';
import type { SessionCheck } from './session-check';

/** golden: the golden rows through both sides, compared with (and, by mode, written to) the golden file. */
export const goldenCheck: SessionCheck<'golden'> = {
  name: 'golden',
  async run(ctx, env) {
    const { config, cwd } = env;
    const g = config.golden;
    // Drawn in the sample's pass when the session read one; read now otherwise (a run reproducing single rows).
    const rows = env.goldenRows ?? (await readGoldenRows(config, env.signal));
    const out = await runGoldenCheck(ctx, {
      rows,
      header: goldenHeader(config),
      mode: env.golden.mode,
      propose: env.golden.propose,
      redact: g.redact,
      owns: () => true,
      displayFile: path.relative(cwd, g.file) || g.file,
      store: {
        read: () => readGoldenFile(g.file),
        update: (update) => updateGoldenFile(g.file, update),
        propose: async (file) => {
          const target = path.join(config.report.dir, path.basename(g.file));
          await writeGoldenProposal(target, file);
          return path.relative(cwd, target) || target;
        },
      },
    });
    env.state.golden = out;
    return out.result;
  },
};

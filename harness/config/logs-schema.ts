import { z } from 'zod';

const nonEmpty = z.string().min(1);
const threshold = z.number().positive();

/** Schema of the `logs` section (see `LogsConfig` for the documented types). */
export const logsSchema = z.strictObject({
  path: nonEmpty,
  format: z.enum(['jsonl']).optional(),
  fields: z
    .strictObject({
      inputs: nonEmpty.optional(),
      features: nonEmpty.optional(),
      time: nonEmpty.optional(),
      key: nonEmpty.nullable().optional(),
      label: nonEmpty.nullable().optional(),
    })
    .optional(),
  referenceTimeColumn: nonEmpty.optional(),
  since: nonEmpty.optional(),
  until: nonEmpty.optional(),
  sample: z
    .strictObject({ size: z.number().int().positive().optional(), seed: z.number().int().optional(), method: z.enum(['reservoir', 'all']).optional() })
    .optional(),
  onBadRow: z.enum(['error', 'skip']).optional(),
  drift: z
    .strictObject({ psi: threshold.optional(), jensenShannon: threshold.optional(), lInfinity: threshold.optional(), fail: z.boolean().optional() })
    .optional(),
});

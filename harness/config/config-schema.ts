import { z } from 'zod';
import { logsSchema } from './logs-schema';
import { KSERVE_DATATYPES, PRESET_NAMES, type KserveDatatype, type PresetName } from '../adapters/serving/presets';

/**
 * The zod schema of {@link UserConfig}, used only to validate (the documented types live in `user-config.ts`).
 * Objects are strict, so a misspelt option is reported instead of silently ignored.
 */
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: 'must be a function' }).describe('a function');
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const nonEmpty = z.string().min(1);
const columnType = z.enum(['integer', 'number', 'boolean', 'date', 'string', 'json']);
const stringMap = z.record(z.string(), z.string());

const fieldPolicy = z.strictObject({
  abs: z.number().nonnegative().optional(),
  rel: z.number().nonnegative().optional(),
  ulps: nonNegativeInt.optional(),
  float32: z.boolean().optional(),
  integers: z.enum(['auto', 'exact', 'float64']).optional(),
  nan: z.enum(['equal', 'mismatch']).optional(),
  signedZero: z.enum(['equal', 'distinct']).optional(),
  nullVsMissing: z.enum(['equal', 'mismatch']).optional(),
  coerce: z.boolean().optional(),
  arrays: z.enum(['ordered', 'set']).optional(),
  timestamp: z
    .union([
      z.boolean(),
      z.enum(['ms', 's', 'min', 'h', 'd']),
      z.strictObject({ precision: z.union([z.enum(['ms', 's', 'min', 'h', 'd']), z.number().nonnegative()]).optional(), unit: z.enum(['s', 'ms']).optional() }),
    ])
    .optional(),
  budget: rate.optional(),
});

const columnContract = z.strictObject({
  optional: z.boolean().optional(),
  nullable: z.boolean().optional(),
  values: z.array(z.unknown()).min(1).optional(),
  format: z.enum(['integer', 'decimal', 'boolean', 'text', 'numeric-text', 'date', 'datetime', 'any']).optional(),
  empty: z.boolean().optional(),
});

/** Schema of the `source` section. */
export const sourceSchema = z.strictObject({
  path: nonEmpty.optional(),
  sql: nonEmpty.optional(),
  format: z.enum(['csv', 'jsonl', 'parquet']).optional(),
  key: z.union([nonEmpty, z.array(nonEmpty).min(1)]).optional(),
  label: nonEmpty.optional(),
  types: z.record(z.string(), columnType).optional(),
  nullValues: z.array(z.string()).optional(),
  delimiter: z.string().length(1).optional(),
  onBadRow: z.enum(['error', 'skip']).optional(),
  contract: z.record(z.string(), columnContract).optional(),
});

const sampleSchema = z.strictObject({
  size: positiveInt.optional(),
  seed: z.number().int().optional(),
  method: z.enum(['reservoir', 'stratified', 'key-hash', 'all']).optional(),
  stratifyBy: nonEmpty.optional(),
});

/** Schemas of the four offline kinds, chosen by which key is present. */
export const offlineSchemas = {
  http: z.strictObject({
    url: nonEmpty,
    method: z.enum(['POST', 'PUT']).optional(),
    headers: stringMap.optional(),
    request: z.union([fn, z.strictObject({ wrap: nonEmpty.optional() })]).optional(),
    response: z.union([fn, z.strictObject({ path: z.string().optional() })]).optional(),
    batchSize: positiveInt.optional(),
    timeoutMs: positiveInt.optional(),
    retries: nonNegativeInt.max(20).optional(),
    concurrency: positiveInt.max(256).optional(),
    maxResponseBytes: positiveInt.optional(),
  }),
  module: z.strictObject({ module: nonEmpty, export: nonEmpty.optional(), batchSize: positiveInt.optional(), timeoutMs: positiveInt.optional() }),
  command: z.strictObject({
    command: z.array(nonEmpty).min(1),
    cwd: z.string().optional(),
    env: stringMap.optional(),
    timeoutMs: positiveInt.optional(),
    concurrency: positiveInt.max(256).optional(),
    mode: z.enum(['auto', 'stream', 'batch']).optional(),
    files: z.strictObject({ input: z.enum(['csv', 'jsonl']).optional(), output: z.enum(['csv', 'jsonl']).optional() }).optional(),
  }),
  columns: z.strictObject({ columns: z.array(nonEmpty).min(1).optional(), prefix: nonEmpty.optional(), stripPrefix: z.boolean().optional() }),
};

const startSchema = z.strictObject({
  command: z.array(nonEmpty).min(1),
  cwd: z.string().optional(),
  env: stringMap.optional(),
  readyUrl: nonEmpty.optional(),
  readyTimeoutMs: positiveInt.optional(),
  port: z.union([z.literal('auto'), z.number().int().min(1).max(65535)]).optional(),
  stopTimeoutMs: nonNegativeInt.optional(),
});

const outputMapping = z.record(z.string(), z.union([nonEmpty, z.array(nonEmpty).min(1)]));

/** Schemas of the preset settings sections (`serving.kserve`, …). */
const presetSchemas = {
  kserve: z.strictObject({
    model: nonEmpty,
    version: nonEmpty.optional(),
    inputs: z
      .union([
        z.literal('columns'),
        z.strictObject({ tensor: nonEmpty, datatype: z.enum(['FP32', 'FP64', 'INT32', 'INT64']).optional(), columns: z.array(nonEmpty).min(1).optional() }),
      ])
      .optional(),
    datatypes: z.record(z.string(), z.enum(KSERVE_DATATYPES as [KserveDatatype, ...KserveDatatype[]])).optional(),
    outputs: outputMapping.optional(),
  }),
  tfServing: z.strictObject({
    model: nonEmpty,
    version: z.union([nonEmpty, nonNegativeInt]).optional(),
    label: nonEmpty.optional(),
    signature: nonEmpty.optional(),
    format: z.enum(['instances', 'inputs']).optional(),
    outputs: outputMapping.optional(),
  }),
  mlflow: z.strictObject({ format: z.enum(['dataframe_split', 'dataframe_records']).optional(), outputs: outputMapping.optional() }),
  feast: z.strictObject({
    features: z.array(nonEmpty).min(1).optional(),
    featureService: nonEmpty.optional(),
    entities: z.array(nonEmpty).min(1).optional(),
    fullFeatureNames: z.boolean().optional(),
  }),
};

const servingSchema = z.strictObject({
  url: nonEmpty,
  preset: z.enum(PRESET_NAMES as [PresetName, ...PresetName[]]).optional(),
  kserve: presetSchemas.kserve.optional(),
  tfServing: presetSchemas.tfServing.optional(),
  mlflow: presetSchemas.mlflow.optional(),
  feast: presetSchemas.feast.optional(),
  method: z.enum(['POST', 'PUT', 'GET']).optional(),
  headers: stringMap.optional(),
  timeoutMs: positiveInt.optional(),
  maxResponseBytes: positiveInt.optional(),
  retries: nonNegativeInt.max(20).optional(),
  backoff: z.strictObject({ initialMs: nonNegativeInt.optional(), maxMs: nonNegativeInt.optional() }).optional(),
  concurrency: positiveInt.max(1024).optional(),
  ratePerSecond: z.number().positive().optional(),
  request: z.union([fn, z.strictObject({ columns: z.array(nonEmpty).optional(), wrap: nonEmpty.optional() })]).optional(),
  response: z.union([fn, z.strictObject({ path: z.string().optional() })]).optional(),
  batch: z
    .strictObject({
      url: nonEmpty.optional(),
      size: positiveInt.optional(),
      request: z.union([fn, z.strictObject({ wrap: nonEmpty.optional() })]).optional(),
      response: z.union([fn, z.strictObject({ path: z.string().optional() })]).optional(),
    })
    .optional(),
  maxConsecutiveFailures: nonNegativeInt.optional(),
  axios: fn.optional(),
  start: startSchema.nullable().optional(),
  record: nonEmpty.nullable().optional(),
  replay: nonEmpty.nullable().optional(),
});

/** The `impact` section: its model endpoint takes serving's options, except `start` (it may use serving's `${port}`). */
const impactSchema = z.strictObject({
  model: servingSchema.omit({ start: true }).optional(),
  prediction: nonEmpty.optional(),
  threshold: z.number().optional(),
  maxRows: positiveInt.optional(),
});

const reporterName = z.enum(['terminal', 'json', 'markdown', 'html', 'junit', 'github']);

/** Schema of the whole config (with `offline` checked separately, see {@link offlineSchemas}). */
export const configSchema = z.strictObject({
  source: sourceSchema,
  sample: sampleSchema.optional(),
  offline: z.record(z.string(), z.unknown()),
  serving: servingSchema,
  compare: z
    .strictObject({
      default: fieldPolicy.optional(),
      fields: z.record(z.string(), fieldPolicy).optional(),
      rename: stringMap.optional(),
      ignore: z.array(nonEmpty).optional(),
    })
    .optional(),
  checks: z
    .strictObject({
      parity: z.boolean().optional(),
      generatedParity: z
        .union([
          z.boolean(),
          z.strictObject({
            runs: nonNegativeInt.optional(),
            seed: z.number().int().optional(),
            maxShrinks: nonNegativeInt.optional(),
            columns: z.record(z.string(), z.union([z.literal(false), z.record(z.string(), z.unknown())])).optional(),
          }),
        ])
        .optional(),
      determinism: z.union([z.boolean(), z.strictObject({ rows: positiveInt.optional(), allowNoise: z.array(nonEmpty).optional() })]).optional(),
      batchInvariance: z.union([z.boolean(), z.strictObject({ rows: positiveInt.optional() })]).optional(),
      labelInvariance: z.union([z.boolean(), z.strictObject({ rows: positiveInt.optional() })]).optional(),
      inputContract: z
        .union([z.boolean(), z.strictObject({ probes: nonNegativeInt.optional(), fail: z.boolean().optional(), seed: z.number().int().optional() })])
        .optional(),
    })
    .optional(),
  golden: z
    .union([
      z.literal(false),
      z.strictObject({
        dir: nonEmpty.optional(),
        suite: z.string().regex(/^[\w.-]+$/, 'must be a file-name-safe name (letters, digits, . _ -)').optional(),
        rows: z.union([positiveInt, z.array(nonEmpty).min(1)]).optional(),
        seed: z.number().int().optional(),
        redact: z.array(nonEmpty).optional(),
      }),
    ])
    .optional(),
  failures: z.strictObject({ dir: nonEmpty.optional(), remember: z.boolean().optional() }).optional(),
  shard: z.strictObject({ total: positiveInt.optional() }).optional(),
  budget: z.strictObject({ errorRate: rate.optional(), minCompared: nonNegativeInt.optional() }).optional(),
  report: z
    .strictObject({
      dir: nonEmpty.optional(),
      reporters: z.array(z.union([reporterName, z.tuple([reporterName, z.record(z.string(), z.unknown())]).describe('a [name, options] pair')])).optional(),
      examples: nonNegativeInt.optional(),
      baseline: nonEmpty.optional(),
    })
    .optional(),
  impact: impactSchema.optional(),
  targets: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  logs: logsSchema.optional(),
});

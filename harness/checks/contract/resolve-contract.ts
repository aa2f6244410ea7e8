import type { DataProfile } from '../../core/data-profile';
import {
  DATETIME_LAYOUTS,
  describeFormat,
  type ColumnContract,
  type ColumnContractOptions,
  type ContractClause,
  type ContractFormatName,
  type InputContract,
  type ValueFormat,
} from '../../core/input-contract';
import type { SourceRow } from '../../core/row';
import { ConfigError } from '../../errors/config-error';
import { columnViolations } from '../../profile/contract-violations';
import { learnInputContract } from '../../profile/learn-contract';
import { isNumberFormat } from '../../profile/numbers-as-text';
import { stringifyJsonValue } from '../../core/stringify-json';

/**
 * The input contract of a run: learned from the sampled rows (see `learnInputContract`), then widened or narrowed by
 * the config's per-column options. Throws a {@link ConfigError} at `<configPath>.<column>` for a column the source
 * does not have, for a key, label or precomputed feature column (never generated or probed), for `empty` on a
 * column that is not text, and for allowed `values` that are null or not of the column's format. A numeric column that
 * takes numbers written as text (`numbersAsText`, learned) keeps doing so under another numeric `format`, not under a
 * format of another kind.
 *
 * @example
 * const contract = resolveInputContract(sample.rows, profile, { country: { nullable: true } });
 */
export function resolveInputContract(
  rows: readonly SourceRow[],
  profile: DataProfile,
  options: Readonly<Record<string, ColumnContractOptions>>,
  configPath = 'source.contract',
): InputContract {
  const names = profile.columns.map((c) => c.name);
  for (const name of Object.keys(options)) {
    const column = profile.columns.find((c) => c.name === name);
    if (column === undefined) throw new ConfigError(`${configPath}.${name}`, `is not a column of the source (columns: ${names.join(', ')})`);
    if (column.role !== 'input') {
      const role = column.role === 'offline_feature' ? 'a precomputed feature' : `the ${column.role}`;
      throw new ConfigError(`${configPath}.${name}`, `is ${role} column: keys, the label and precomputed features are never generated or probed (remove it)`);
    }
  }
  const learned = learnInputContract(rows, profile);
  return {
    columns: learned.columns.map((column) => {
      const own = options[column.name];
      return own === undefined ? column : applyOptions(column, own, `${configPath}.${column.name}`);
    }),
  };
}

function applyOptions(learned: ColumnContract, options: ColumnContractOptions, path: string): ColumnContract {
  const configured = new Set<ContractClause>(learned.configured);
  let format = learned.format;
  let column = learned;
  if (options.format !== undefined) {
    format = formatNamed(options.format, learned.format);
    configured.add('type').add('format');
    if (!isNumberFormat(format)) {
      const { numbersAsText: _dropped, ...rest } = learned;
      column = rest;
    }
  }
  if (options.empty !== undefined) {
    if (format.kind !== 'text' && format.kind !== 'numeric-text') {
      throw new ConfigError(`${path}.empty`, `applies only to text and numeric-text columns (this column's format is ${describeFormat(format)})`);
    }
    format = { ...format, empty: options.empty };
    configured.add('format');
  }
  let values: readonly unknown[] | null = column.values;
  if (options.values !== undefined) {
    // Listing "" allows it: the list is the stronger statement, and "" would otherwise break two clauses at once.
    if ((format.kind === 'text' || format.kind === 'numeric-text') && options.empty === undefined) format = { ...format, empty: options.values.includes('') };
    const shape: ColumnContract = { ...column, format, optional: false, nullable: false, values: null };
    options.values.forEach((value, i) => {
      if (value === null || value === undefined) throw new ConfigError(`${path}.values[${i}]`, 'cannot be null: use nullable: true to allow null');
      if (columnViolations(shape, true, value).length > 0) {
        throw new ConfigError(`${path}.values[${i}]`, `must be ${describeFormat(format)} like the column (got ${stringifyJsonValue(value)})`);
      }
    });
    values = options.values;
    configured.add('values');
  }
  if (options.optional !== undefined) configured.add('present');
  if (options.nullable !== undefined) configured.add('non-null');
  return {
    ...column,
    optional: options.optional ?? column.optional,
    nullable: options.nullable ?? column.nullable,
    format,
    values,
    configured: (['present', 'non-null', 'type', 'format', 'values'] as const).filter((c) => configured.has(c)),
  };
}

/** The format a config name stands for; text formats keep the learned `empty` when the column was text. */
function formatNamed(name: ContractFormatName, learned: ValueFormat): ValueFormat {
  const empty = learned.kind === 'text' || learned.kind === 'numeric-text' ? learned.empty : false;
  switch (name) {
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'any':
      return { kind: name };
    case 'text':
    case 'numeric-text':
      return { kind: name, empty };
    case 'date':
      return { kind: 'date', layouts: ['date'] };
    case 'datetime':
      return { kind: 'date', layouts: [...DATETIME_LAYOUTS] };
  }
}

import type { DuckDBType } from '@duckdb/node-api';
import type { ColumnType } from '../../core/row';
import type { DuckDBModule } from './load-duckdb';

/**
 * The harness's column type of a DuckDB column type (from the schema, never guessed from values): integer types and
 * DECIMAL without a fraction → `integer`; FLOAT, DOUBLE and DECIMAL with one → `number`; BOOLEAN → `boolean`; DATE
 * and every TIMESTAMP → `date`; LIST, ARRAY, STRUCT, MAP and UNION → `json`; anything else (VARCHAR, UUID, ENUM,
 * TIME, INTERVAL, BLOB …) → `string`.
 */
export function columnTypeOf(type: DuckDBType, duckdb: DuckDBModule): ColumnType {
  const id = duckdb.DuckDBTypeId;
  switch (type.typeId) {
    case id.TINYINT:
    case id.SMALLINT:
    case id.INTEGER:
    case id.BIGINT:
    case id.UTINYINT:
    case id.USMALLINT:
    case id.UINTEGER:
    case id.UBIGINT:
    case id.HUGEINT:
    case id.UHUGEINT:
    case id.BIGNUM:
      return 'integer';
    case id.DECIMAL:
      return (type as { scale?: number }).scale === 0 ? 'integer' : 'number';
    case id.FLOAT:
    case id.DOUBLE:
      return 'number';
    case id.BOOLEAN:
      return 'boolean';
    case id.DATE:
    case id.TIMESTAMP:
    case id.TIMESTAMP_S:
    case id.TIMESTAMP_MS:
    case id.TIMESTAMP_NS:
    case id.TIMESTAMP_TZ:
      return 'date';
    case id.LIST:
    case id.ARRAY:
    case id.STRUCT:
    case id.MAP:
    case id.UNION:
      return 'json';
    default:
      return 'string';
  }
}

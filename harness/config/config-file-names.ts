/**
 * Config file names looked for, in order, when `--config` is not given. Apart from the loader (no imports) so that
 * `skew --help` can name them without loading it.
 */
export const CONFIG_FILE_NAMES = [
  'skew.config.ts',
  'skew.config.mts',
  'skew.config.cts',
  'skew.config.js',
  'skew.config.mjs',
  'skew.config.cjs',
  'skew.config.json',
] as const;

/** {@link CONFIG_FILE_NAMES} in one pattern, for help texts: `skew.config.{ts,mts,cts,js,mjs,cjs,json}`. Pure. */
export function describeConfigFileNames(): string {
  return `skew.config.{${CONFIG_FILE_NAMES.map((name) => name.slice('skew.config.'.length)).join(',')}}`;
}

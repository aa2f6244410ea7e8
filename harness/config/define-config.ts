import type { UserConfig } from './user-config';

/**
 * Identity function that gives a `skew.config.ts` its types (completion and checking in the editor).
 *
 * @example
 * ```ts
 * export default defineConfig({ source: { path: 'train.csv' }, offline: { module: './features.ts' }, serving: { url: 'http://localhost:8080/features' } });
 * ```
 */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

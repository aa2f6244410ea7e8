/**
 * Ends a one-line message about something a config value caused with the setting to fix: `…; check source.key`.
 * Every error whose fix is in the config (and that is not a {@link ConfigError}, which starts with its path) ends
 * this way, so users learn one place to look.
 */
export function withConfigPath(message: string, configPath: string | undefined): string {
  return configPath === undefined ? message : `${message}; check ${configPath}`;
}

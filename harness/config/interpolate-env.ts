import { ConfigError } from '../errors/config-error';

const ENV_PLACEHOLDER = /\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${env.NAME}` placeholders with values from `env`. Every substituted value is added to `secrets`
 * so it can be redacted from output. A variable that is not set is a config error naming the path.
 */
export function interpolateEnv(
  text: string,
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
): string {
  return text.replace(ENV_PLACEHOLDER, (_, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') {
      throw new ConfigError(path, `uses \${env.${name}}, but environment variable ${name} is not set`);
    }
    secrets.add(value);
    return value;
  });
}

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

/** What an unset `${env.NAME}` reads as where a replay does not need it (see {@link replayEnv}). */
export const UNSET_IN_REPLAY = 'unset-in-replay';

/**
 * The environment as a serving replay sees it: a variable that is not set reads as {@link UNSET_IN_REPLAY} instead of
 * stopping the run. For settings a replay never uses — request headers (a cassette's key never holds a header) and the
 * local server's environment (a replay starts no server) — so a pull request can replay last night's staging answers
 * without the staging token.
 */
export function replayEnv(env: Readonly<Record<string, string | undefined>>): Readonly<Record<string, string | undefined>> {
  return new Proxy(env, { get: (target, name) => (typeof name === 'string' && !target[name] ? UNSET_IN_REPLAY : target[name as never]) });
}

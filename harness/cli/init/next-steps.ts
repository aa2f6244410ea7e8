import { INIT_COMMANDS } from './format-init-files';

/** One of the commands `skew init` leaves to the user. */
export type InitCommand = (typeof INIT_COMMANDS)[number];

/** The commands whose `skew init` placeholder is still in a config's text, in config order. Pure. */
export function findPendingCommands(configText: string): InitCommand[] {
  return INIT_COMMANDS.filter((command) => configText.includes(command.placeholder));
}

/**
 * The `Next:` steps after `skew init`: filling in the commands still placeholders (none once they are filled in, as on
 * a second init), then the first run, `npm test`, and nightly. Pure.
 */
export function formatNextSteps(configFile: string, specFile: string, pending: readonly InitCommand[]): string[] {
  const described = pending.map((c) => `${c.path} (${c.what})`);
  const fill =
    pending.length === 0
      ? []
      : [`In ${configFile}, replace ${pending.length === 1 ? 'the TODO command' : 'the two TODO commands'}: ${described.join(' and ')}`];
  const steps = [
    ...fill,
    'npx skew run                 first run: a report per field, exit 1 on skew',
    `npm test                      jest runs ${specFile}: one test per check`,
    'Nightly against staging, sharded, with recorded serving for pull requests: see the recipes in examples/nightly/ of skew-harness',
  ];
  return ['Next:', ...steps.map((step, i) => `  ${i + 1}. ${step}`)];
}

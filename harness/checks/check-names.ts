/**
 * Check names, in the order a run executes them: determinism first, because parity uses the noise it measures;
 * input-contract after the parity checks, whose skew it must not be mistaken for.
 */
export const CHECK_NAMES = ['determinism', 'parity', 'generated-parity', 'input-contract', 'batch-invariance', 'label-invariance', 'golden'] as const;

/** The name of a check: also its `--checks` name and its name in reports. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** Config key (`checks.<key>`) of each check; `golden` is switched by the top-level `golden` section. */
export const CHECK_CONFIG_KEYS = {
  determinism: 'determinism',
  parity: 'parity',
  'generated-parity': 'generatedParity',
  'input-contract': 'inputContract',
  'batch-invariance': 'batchInvariance',
  'label-invariance': 'labelInvariance',
} as const satisfies Record<Exclude<CheckName, 'golden'>, string>;

/** Whether a string names a check. */
export function isCheckName(name: string): name is CheckName {
  return (CHECK_NAMES as readonly string[]).includes(name);
}

import type { InferredRoles } from './infer-roles';

/** The prefix of every placeholder `skew init` writes; the config loader refuses a config that still has one. */
export const INIT_PLACEHOLDER = 'TODO:';

/** The two commands only the user knows: where each goes, the placeholder `skew init` writes there, what it is. */
export const INIT_COMMANDS = [
  { path: 'offline.command', placeholder: `${INIT_PLACEHOLDER} offline feature command`, what: 'your feature pipeline' },
  { path: 'serving.start.command', placeholder: `${INIT_PLACEHOLDER} serving start command`, what: 'your serving process' },
] as const;

/** What the scaffolded files depend on. */
export interface InitPlan {
  /** Data file, relative to the repo root, with `/` separators. */
  data: string;
  roles: InferredRoles;
  /** `ts`: `skew.config.ts`; `mjs`: `skew.config.mjs` (a JavaScript repo without TypeScript). */
  configKind: 'ts' | 'mjs';
  /** `ts`: `skew.test.ts` (ts-jest found); `js`: `skew.test.js`. */
  specKind: 'ts' | 'js';
}

/** The config file's name for a plan. */
export function configFileName(plan: InitPlan): string {
  return `skew.config.${plan.configKind}`;
}

/** The spec file's name for a plan. */
export function specFileName(plan: InitPlan): string {
  return `skew.test.${plan.specKind}`;
}

/**
 * The config `skew init` writes: source, key and label inferred from the data, the two commands only the user knows
 * as `TODO:` placeholders (the loader refuses them with a one-line error, so a half-filled config never runs).
 */
export function formatInitConfig(plan: InitPlan): string {
  const { roles } = plan;
  const key = roles.keys[0];
  const label = roles.labels[0];
  const source = [`path: ${quote(plan.data)}`, ...(key ? [`key: ${quote(key)}`] : []), ...(label ? [`label: ${quote(label)}`] : [])].join(', ');
  const types = roles.columns.map((c) => `${c.name}: ${c.type}`).join(', ');
  const lines = [
    `import { defineConfig } from 'skew-harness';`,
    ``,
    `// Written by \`skew init\` from ${plan.data}. Fill in the two TODO commands, then: npx skew run`,
    `export default defineConfig({`,
    `  // Column types inferred from the data (override with source.types): ${types}.`,
    `  // Key candidates (unique in the sample): ${list(roles.keys)}. Label candidates (never sent to serving): ${list(roles.labels)}.`,
    `  source: { ${source} },`,
    `  sample: { size: 1000, seed: 1 },`,
    `  offline: {`,
    `    // Your offline feature pipeline, as an argv array (no shell): it reads one JSON object per training row on`,
    `    // stdin and writes one JSON object of features per line to stdout, in order. Or use { module: './features.js' }.`,
    `    command: ['${INIT_COMMANDS[0].placeholder}, e.g. python3 pipeline/features.py'],`,
    `  },`,
    `  serving: {`,
    `    // POST url with the row's input columns as JSON; answers {"features": {...}}.`,
    `    url: 'http://127.0.0.1:\${port}/features',`,
    `    start: {`,
    `      // Your serving process for local runs (it gets the port in env PORT). Nightly against staging: a target`,
    `      // with serving.url from the environment and start: null.`,
    `      command: ['${INIT_COMMANDS[1].placeholder}, e.g. node serving/server.js'],`,
    `      readyUrl: 'http://127.0.0.1:\${port}/healthz',`,
    `      port: 'auto',`,
    `    },`,
    `  },`,
    `});`,
    ``,
  ];
  return lines.join('\n');
}

/** The jest spec: one test per enabled check (`npm test`) of `config` (by default the config `skew init` writes). */
export function formatInitSpec(plan: InitPlan, config: string = configFileName(plan)): string {
  const head =
    plan.specKind === 'ts'
      ? `import { describeSkew } from 'skew-harness/jest';`
      : `const { describeSkew } = require('skew-harness/jest');`;
  return [
    `// Train-serve skew checks, one jest test per check of ${config} (written by \`skew init\`).`,
    head,
    ``,
    `describeSkew({ config: '${config}' });`,
    ``,
  ].join('\n');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function list(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : 'none found';
}

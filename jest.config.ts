import type { Config } from 'jest';

/**
 * Unit, property and black-box tests live in `specs/`. ts-jest only transpiles (isolatedModules):
 * type checking is done once, for the whole tree, by `tsc` in `npm test` before jest starts.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/specs'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^skew-harness$': '<rootDir>/harness/index.ts', '^skew-harness/jest$': '<rootDir>/harness/jest/index.ts' },
  testTimeout: 30_000,
  // Jest's default is cores − 1 workers: one on a 2-core CI machine, while most
  // test time is spent waiting on subprocesses (pipelines, servers, the CLI). Two workers: 339 s instead of 480 s for
  // the whole suite on this machine.
  maxWorkers: 2,
};

export default config;

import { expect } from '@jest/globals';
import { toHaveNoSkew } from './matchers';

expect.extend({ toHaveNoSkew });

declare module 'expect' {
  interface Matchers<R> {
    /** Passes for a clean report, or a check that passed or was skipped; fails with the skew report. */
    toHaveNoSkew(): R;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes for a clean report, or a check that passed or was skipped; fails with the skew report. */
      toHaveNoSkew(): R;
    }
  }
}

/**
 * skew-harness for jest: `describeSkew()` registers one test per check; importing this module also registers the
 * `toHaveNoSkew()` matcher.
 */
export type { DescribeSkewOptions } from './describe-skew';
export { describeSkew } from './describe-skew';
export { toHaveNoSkew } from './matchers';

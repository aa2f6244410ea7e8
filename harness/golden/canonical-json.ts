/** Canonical JSON lives in the pure core (serving cassettes use it too); golden files keep importing it from here. */
export { canonicalJson } from '../core/canonical-json';

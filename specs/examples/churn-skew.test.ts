/**
 * The bundled example's own skew tests, as a model repo would write them: one call registers a jest test per
 * check (determinism, parity, generated-parity, batch-invariance, label-invariance) against the example's
 * serving process started for the suite — here with every bug switched off, so every check passes.
 */
import { describeSkew } from 'skew-harness/jest';

describeSkew({ config: 'examples/churn/skew.config.ts', target: 'clean' });

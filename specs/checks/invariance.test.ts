import { runBatchInvarianceCheck } from '../../harness/checks/batch-invariance';
import { changeLabels, runLabelInvarianceCheck } from '../../harness/checks/label-invariance';
import { contextFor, makeRows, moduleDir } from './check-fixtures';

const dir = moduleDir();
afterAll(() => dir.remove());

const CLEAN = `export function computeFeatures(rows: any[]) { return rows.map((r) => ({ x2: r.x * 2, plan: String(r.plan).toUpperCase() })); }`;
const FIT_ON_BATCH = `export function computeFeatures(rows: any[]) {
  const mean = rows.reduce((s, r) => s + r.x, 0) / rows.length;
  return rows.map((r) => ({ x_centered: r.x - mean, plan: r.plan }));
}`;
const READS_LABEL = `export function computeFeatures(rows: any[]) { return rows.map((r) => ({ x2: r.x * 2, prior: r.label ? 0.7 : 0.3 })); }`;

describe('batch-invariance', () => {
  it('passes a pipeline whose rows do not depend on their batch', async () => {
    const offline = await dir.write('clean.ts', CLEAN);
    const result = await runBatchInvarianceCheck(contextFor(makeRows(30), offline, offline), { rows: 10 });
    expect(result).toMatchObject({ name: 'batch-invariance', status: 'passed', compares: 'same-side', rows: { total: 10, compared: 10 } });
  });

  it('fails a pipeline that normalises with its batch statistics, naming the field and showing both values', async () => {
    const offline = await dir.write('fit-on-batch.ts', FIT_ON_BATCH);
    const result = await runBatchInvarianceCheck(contextFor(makeRows(30), offline, offline), { rows: 10 });
    expect(result.status).toBe('failed');
    expect(result.summary).toBe('x_centered changes when a row is computed alone instead of within a batch of 10: the offline pipeline fits on its batch (leakage)');
    const field = result.fields.find((f) => f.field === 'x_centered')!;
    expect(field.mismatched).toBe(10);
    expect(field.examples[0]).toMatchObject({ key: 'r0', offline: -6.75, online: 0 });
    expect(result.fields.find((f) => f.field === 'plan')!.mismatched).toBe(0);
  });

  it('lists a row the pipeline rejects both ways once, as an agreed rejection (not against the error budget)', async () => {
    const offline = await dir.write('rejects-r3.ts', `export function computeFeatures(rows: any[]) {
      return rows.map((r) => (r.id === 'r3' ? { $error: 'r3 is invalid' } : { x2: r.x * 2 }));
    }`);
    const result = await runBatchInvarianceCheck(contextFor(makeRows(30), offline, offline), { rows: 10 });
    expect(result.status).toBe('passed');
    expect(result.rows).toMatchObject({ total: 10, compared: 9, offlineErrors: 1, onlineErrors: 0, agreedRejections: { offline: 1, online: 0 } });
    expect(result.errors).toEqual([expect.objectContaining({ key: 'r3', side: 'offline', message: expect.stringContaining('r3 is invalid') })]);
  });

  it('is skipped, with the reason, for precomputed offline columns', async () => {
    const offline = await dir.write('clean2.ts', CLEAN);
    const result = await runBatchInvarianceCheck(contextFor(makeRows(5), offline, offline, { offlineComputes: false }), { rows: 5 });
    expect(result).toMatchObject({ status: 'skipped', summary: expect.stringMatching(/^offline features are precomputed columns/) });
  });
});

describe('label-invariance', () => {
  it('passes a pipeline that never reads the label', async () => {
    const offline = await dir.write('clean3.ts', CLEAN);
    const result = await runLabelInvarianceCheck(contextFor(makeRows(20), offline, offline), { rows: 20, seed: 1 });
    expect(result).toMatchObject({ status: 'passed', rows: { compared: 20 } });
  });

  it('fails a pipeline that reads the label: target leakage', async () => {
    const offline = await dir.write('leak.ts', READS_LABEL);
    const result = await runLabelInvarianceCheck(contextFor(makeRows(20), offline, offline), { rows: 20, seed: 1 });
    expect(result.status).toBe('failed');
    expect(result.summary).toBe('prior changes when only the label label changes: the offline pipeline reads the label (target leakage)');
    expect(result.fields.find((f) => f.field === 'prior')).toMatchObject({ mismatched: 20, status: 'failed' });
    expect(result.fields.find((f) => f.field === 'x2')).toMatchObject({ mismatched: 0, status: 'passed' });
  });

  it('is skipped, never passed, without a label', async () => {
    const offline = await dir.write('clean4.ts', CLEAN);
    const result = await runLabelInvarianceCheck(contextFor(makeRows(5), offline, offline, { label: null }), { rows: 5, seed: 1 });
    expect(result).toMatchObject({ status: 'skipped', summary: 'no label column configured (source.label)' });
  });
});

describe('changeLabels', () => {
  const withLabels = (labels: unknown[]) => labels.map((label, i) => ({ key: String(i), line: i, values: { label } }));

  it('flips a binary label', () => {
    expect(changeLabels(withLabels([0, 1, 1, null]), 'label', 1).map((r) => r.values.label)).toEqual([1, 0, 0, null]);
    expect(changeLabels(withLabels(['yes', 'no']), 'label', 1).map((r) => r.values.label)).toEqual(['no', 'yes']);
  });

  it('changes a constant label to another value of its type', () => {
    expect(changeLabels(withLabels([true, true]), 'label', 1).map((r) => r.values.label)).toEqual([false, false]);
    expect(changeLabels(withLabels([3, 3]), 'label', 1).map((r) => r.values.label)).toEqual([4, 4]);
  });

  it('permutes a many-valued label among the rows (a regression target), deterministically by seed', () => {
    const labels = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5];
    const changed = changeLabels(withLabels(labels), 'label', 9).map((r) => r.values.label);
    expect([...changed].sort()).toEqual(labels);
    expect(changed).not.toEqual(labels);
    expect(changeLabels(withLabels(labels), 'label', 9).map((r) => r.values.label)).toEqual(changed);
  });
});

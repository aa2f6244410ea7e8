import { createLatencyHistogram } from '../../../harness/adapters/serving/latency-histogram';
import { createMessageRedactor } from '../../../harness/adapters/serving/message-redactor';
import { nodeBinDirs, prependNodeBins } from '../../../harness/adapters/node-bin-path';
import { createOutputTail } from '../../../harness/adapters/serving/output-tail';
import { describeEndpoint, stripUrlCredentials } from '../../../harness/adapters/serving/serving-messages';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('createOutputTail', () => {
  it('keeps the last lines of both streams without splicing partial lines', () => {
    const tail = createOutputTail(3);
    tail.append('stdout', 'one\ntw');
    tail.append('stderr', 'err1\n');
    expect(tail.append('stdout', 'o\nthree\nfour\n')).toEqual(['two', 'three', 'four']);
    expect(tail.text()).toBe('two\nthree\nfour');
    tail.append('stderr', 'no newline yet');
    expect(tail.text()).toBe('three\nfour\nno newline yet');
  });
});

describe('createLatencyHistogram', () => {
  it('answers percentiles within 2% and the exact max', () => {
    const histogram = createLatencyHistogram();
    expect(histogram.summary()).toBeNull();
    for (let ms = 1; ms <= 100; ms++) histogram.record(ms);
    const summary = histogram.summary()!;
    expect(summary.count).toBe(100);
    expect(summary.max).toBe(100);
    expect(summary.p50).toBeGreaterThanOrEqual(50 * 0.98);
    expect(summary.p50).toBeLessThanOrEqual(50 * 1.02);
    expect(summary.p95).toBeGreaterThanOrEqual(95 * 0.98);
    expect(summary.p95).toBeLessThanOrEqual(95 * 1.02);
  });
});

describe('message redaction', () => {
  it('strips user:pass@ from every URL in a text', () => {
    expect(stripUrlCredentials('see http://u:p@h/x and https://tok@h2:1/y')).toBe('see http://h/x and https://h2:1/y');
    expect(describeEndpoint('GET', 'http://u:p@h/x')).toBe('GET http://h/x');
  });

  it('hides sensitive header values, the credential of `Scheme value`, and URL passwords', () => {
    const redact = createMessageRedactor(
      { Authorization: 'Bearer abc123xyz', 'X-Api-Key': 'key-999', Accept: 'application/json' },
      ['http://me:hunter22@h/f'],
      (text) => text.replace('CALLER-SECRET', '${env.S}'),
    );
    expect(redact('Bearer abc123xyz | abc123xyz | key-999 | CALLER-SECRET | application/json | hunter22')).toBe(
      '*** | *** | *** | ${env.S} | application/json | ***',
    );
    expect(redact(Buffer.from('me:hunter22').toString('base64'))).toBe('***');
  });
});

describe('node-bin-path', () => {
  it('puts every node_modules/.bin from cwd upward in front of PATH, nearest first', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'skew-bin-'));
    try {
      mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true });
      mkdirSync(path.join(root, 'app', 'node_modules', '.bin'), { recursive: true });
      mkdirSync(path.join(root, 'app', 'src'), { recursive: true });
      const dirs = nodeBinDirs(path.join(root, 'app', 'src'));
      expect(dirs.slice(0, 2)).toEqual([path.join(root, 'app', 'node_modules', '.bin'), path.join(root, 'node_modules', '.bin')]);
      expect(prependNodeBins(path.join(root, 'app'), '/usr/bin').endsWith(`${path.delimiter}/usr/bin`)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

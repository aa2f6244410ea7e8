/**
 * Writes the example's training data and the statistics fitted on it:
 *
 *   node_modules/.bin/jiti examples/churn/data/generate.ts [training.csv] [artifacts.json]
 *
 * Defaults are the committed `data/training.csv` and `pipeline/artifacts.json`. Given only a CSV path, the
 * artifacts go next to it (so a test can regenerate into a temp dir and compare bytes). Deterministic: a fixed
 * seed, no clock, no Math.random.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fitArtifacts, formatArtifacts } from '../pipeline/fit-artifacts';
import { formatCsv } from './csv-format';
import { simulateCustomers } from './customer-simulation';
import { TRAINING_COLUMNS } from './training-columns';

// A script, not a library: nothing here is exported, so importing it by mistake cannot rewrite the data.
const TRAINING_ROWS = 3_000;
const TRAINING_SEED = 20_250_203; // the seed article's date

/** Generates the rows and writes both files. */
function generateTrainingData(csvPath: string, artifactsPath: string): void {
  const rows = simulateCustomers(TRAINING_ROWS, TRAINING_SEED);
  const cells = rows.map((row) => ({
    ...row,
    // Money with two decimals and minutes with one, as an export from a warehouse would print them.
    monthly_spend: row.monthly_spend === null ? null : row.monthly_spend.toFixed(2),
    avg_session_minutes: row.avg_session_minutes.toFixed(1),
  }));
  const csv = formatCsv(TRAINING_COLUMNS, cells);
  const artifacts = formatArtifacts(fitArtifacts(rows, 'data/training.csv'));
  for (const [path, text] of [[csvPath, csv], [artifactsPath, artifacts]] as const) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
  }
}

function main(argv: string[]): void {
  const csvPath = argv[0] ?? join(__dirname, 'training.csv');
  const artifactsDir = argv[0] === undefined ? join(__dirname, '..', 'pipeline') : dirname(csvPath);
  const artifactsPath = argv[1] ?? join(artifactsDir, 'artifacts.json');
  generateTrainingData(csvPath, artifactsPath);
  process.stdout.write(`wrote ${csvPath} (${TRAINING_ROWS} rows) and ${artifactsPath}\n`);
}

main(process.argv.slice(2));

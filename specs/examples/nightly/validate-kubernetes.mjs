// Validates Kubernetes manifests against Kubernetes' OpenAPI schemas (kubernetes-models, ESM-only: run as a
// subprocess because jest here runs CommonJS). Usage: node validate-kubernetes.mjs FILE…
// Prints one JSON line per document: { file, kind, name, error } (error null when valid).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const MODELS = {
  'batch/v1 Job': async () => (await import('kubernetes-models/batch/v1')).Job,
  'batch/v1 CronJob': async () => (await import('kubernetes-models/batch/v1')).CronJob,
  'v1 PersistentVolumeClaim': async () => (await import('kubernetes-models/v1')).PersistentVolumeClaim,
  'v1 Secret': async () => (await import('kubernetes-models/v1')).Secret,
  'v1 ConfigMap': async () => (await import('kubernetes-models/v1')).ConfigMap,
};

for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const value = doc.toJS();
    if (value === null) continue;
    const type = `${value.apiVersion} ${value.kind}`;
    let error = null;
    try {
      if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
      const load = MODELS[type];
      if (!load) throw new Error(`no schema here for ${type}`);
      new (await load())(value).validate();
    } catch (e) {
      error = e.message;
    }
    process.stdout.write(`${JSON.stringify({ file, kind: value.kind, name: value.metadata?.name ?? null, error })}\n`);
  }
}

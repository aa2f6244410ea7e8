import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { canonicalJson } from '../../../core/canonical-json';
import type { Redactor } from '../../../core/row';
import { ServingCassetteError } from '../../../errors/cassette-error';
import { errorMessage } from '../../../errors/error-message';
import { writeFileAtomic } from '../../../io/write-file-atomic';
import type { HttpRequest } from '../http-client';
import type { FinalOutcome } from '../send-with-retries';
import {
  cassetteFileName,
  cassetteKey,
  cassetteRequest,
  describeCassetteEndpoint,
  formatCassetteFile,
  fromCassetteAnswer,
  parseCassetteLine,
  toCassetteAnswer,
  type CassetteAnswer,
  type CassetteEndpoint,
  type CassetteRequest,
} from './cassette-records';

/** Sends one request to an endpoint until it has a final outcome (retries included). */
export type SendFinal = (request: HttpRequest, endpoint: CassetteEndpoint) => Promise<FinalOutcome>;

/** Options of {@link openServingCassette}. */
export interface ServingCassetteOptions {
  /** `record`: send and store every final answer; `replay`: answer from the files, send nothing. */
  mode: 'record' | 'replay';
  /** Absolute directory of the cassette files. */
  dir: string;
  /** The directory as the user should see it in messages (relative to the working directory). */
  label: string;
}

/**
 * Recorded serving answers, shared by every serving adapter of a run (the input-contract check has its own adapter).
 *
 * Recording stores the final answer of each request (after retries: a 503 that a retry turned into a 200 is stored as
 * the 200, with its attempt count), keyed by method, path and query, and canonical body — never the origin, headers
 * or credentials, and with every configured secret replaced by `***`. A request asked several times (determinism asks
 * twice) whose answers are all the same is stored once; a nondeterministic server's answers are all stored, in the
 * order they came, and replayed in that order (the last one again past the end). Nothing is written until
 * {@link ServingCassette.save}: a run that fails leaves the previous cassette as it was.
 */
export interface ServingCassette {
  readonly mode: 'record' | 'replay';
  /** The directory as shown in messages. */
  readonly label: string;
  /**
   * The sender an adapter uses: in record mode `live`, with each final answer stored; in replay mode the stored
   * answer, never calling `live`. A request the cassette has no answer for throws a {@link CassetteMissError}.
   */
  sender(live: SendFinal, redact: Redactor): SendFinal;
  /** Record mode: writes one file per endpoint, atomically. Replay mode: nothing. */
  save(): Promise<void>;
}

/** A replayed request the cassette has no answer for. The serving adapter turns it into an error naming the row. */
export class CassetteMissError extends Error {
  /** `POST /features`. */
  readonly endpoint: string;

  constructor(endpoint: string) {
    super(`no recorded answer for a request to ${endpoint}`);
    this.name = 'CassetteMissError';
    this.endpoint = endpoint;
  }
}

interface Entry {
  request: CassetteRequest;
  answers: CassetteAnswer[];
}

interface EndpointFile {
  endpoint: string;
  entries: Map<string, Entry>;
}

/**
 * Opens a cassette. Replay reads every `*.jsonl` file of `dir` (a missing directory or a malformed line is a
 * {@link ServingCassetteError} naming the file and line); record starts empty.
 */
export async function openServingCassette(options: ServingCassetteOptions): Promise<ServingCassette> {
  const files = new Map<string, EndpointFile>();
  if (options.mode === 'replay') await readCassetteDir(options, files);
  const played = new Map<string, number>();

  const fileFor = (endpoint: CassetteEndpoint): EndpointFile => {
    const name = cassetteFileName(endpoint);
    let file = files.get(name);
    if (!file) files.set(name, (file = { endpoint: describeCassetteEndpoint(endpoint), entries: new Map() }));
    return file;
  };

  return {
    mode: options.mode,
    label: options.label,
    sender(live, redact) {
      if (options.mode === 'replay') {
        return async (request, endpoint) => {
          const name = cassetteFileName(endpoint);
          const key = cassetteKey(cassetteRequest(request.method, request.url, request.body, redact));
          const entry = files.get(name)?.entries.get(key);
          if (!entry || entry.answers.length === 0) throw new CassetteMissError(describeCassetteEndpoint(endpoint));
          const playKey = `${name}\n${key}`;
          const n = played.get(playKey) ?? 0;
          played.set(playKey, n + 1);
          return fromCassetteAnswer(entry.answers[Math.min(n, entry.answers.length - 1)]!);
        };
      }
      return async (request, endpoint) => {
        const outcome = await live(request, endpoint);
        const answer = toCassetteAnswer(outcome, redact);
        if (answer) {
          const cassetteForm = cassetteRequest(request.method, request.url, request.body, redact);
          const key = cassetteKey(cassetteForm);
          const { entries } = fileFor(endpoint);
          const entry = entries.get(key);
          if (entry) entry.answers.push(answer);
          else entries.set(key, { request: cassetteForm, answers: [answer] });
        }
        return outcome;
      };
    },
    async save() {
      if (options.mode !== 'record') return;
      for (const [name, file] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const entries = new Map([...file.entries].map(([key, entry]) => [key, { request: entry.request, answers: collapse(entry.answers) }]));
        await writeFileAtomic(path.join(options.dir, name), formatCassetteFile(file.endpoint, entries));
      }
    },
  };
}

/** A request answered the same every time is stored once; otherwise every answer, in order. */
function collapse(answers: readonly CassetteAnswer[]): readonly CassetteAnswer[] {
  const first = canonicalJson(answers[0]);
  return answers.every((answer) => canonicalJson(answer) === first) ? answers.slice(0, 1) : answers;
}

async function readCassetteDir(options: ServingCassetteOptions, files: Map<string, EndpointFile>): Promise<void> {
  const again = `record it with --record-serving ${options.label}`;
  const info = await stat(options.dir).catch(() => null);
  if (!info?.isDirectory()) throw new ServingCassetteError(`serving cassette ${options.label} does not exist; ${again}`);
  const names = (await readdir(options.dir)).filter((name) => name.endsWith('.jsonl')).sort();
  if (names.length === 0) throw new ServingCassetteError(`serving cassette ${options.label} holds no recorded answers (no .jsonl files); ${again}`);
  for (const name of names) {
    const shown = path.join(options.label, name);
    const text = await readFile(path.join(options.dir, name), 'utf8');
    const file: EndpointFile = { endpoint: '', entries: new Map() };
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed;
      try {
        parsed = parseCassetteLine(line);
      } catch (error) {
        throw new ServingCassetteError(`${shown}:${i + 1}: not a serving cassette record: ${errorMessage(error)}`);
      }
      if (parsed.kind === 'header') {
        file.endpoint = parsed.endpoint;
        return;
      }
      if (i === 0) throw new ServingCassetteError(`${shown}:1: not a serving cassette: the first line must be its header {"cassette":1,"endpoint":…}`);
      const key = cassetteKey(parsed.request);
      const entry = file.entries.get(key);
      // Answers are replayed in file order (which is `n` order in a file this harness wrote).
      if (entry) entry.answers.push(parsed.answer);
      else file.entries.set(key, { request: parsed.request, answers: [parsed.answer] });
    });
    files.set(name, file);
  }
}

import { findArgumentProblem, type ArgumentSpec } from '../../harness/cli/argument-problem';

const run: ArgumentSpec = {
  names: ['help', 'version', 'debug', 'sample', 'sample-method', 'reporter', 'start', 'x'],
  aliases: { sample: ['n'], reporter: ['r'], help: ['h'] },
  choices: { 'sample-method': ['reservoir', 'stratified', 'key-hash', 'all'] },
  required: [],
};

describe('findArgumentProblem: one line for a command line the parser rejects', () => {
  it('names an unknown option once, as typed, with the option it likely meant', () => {
    // The parser adds a camelCase copy of every dashed name it sees.
    expect(findArgumentProblem({ _: ['run'], 'bogus-flag': true, bogusFlag: true }, run, ['run', '--bogus-flag'], 'run')).toBe(
      'unknown option --bogus-flag (see skew run --help)',
    );
    expect(findArgumentProblem({ _: [], 'sample-methd': 'all', sampleMethd: 'all' }, run, ['--sample-methd', 'all'])).toBe(
      'unknown option --sample-methd (did you mean --sample-method?)',
    );
    expect(findArgumentProblem({ _: [], Z: true }, run, ['-Z'])).toBe('unknown option -Z (see skew --help)');
    expect(findArgumentProblem({ _: [], q: 1 }, run, ['--q', '1'])).toBe('unknown option --q (see skew --help)');
  });

  it('knows options by name, alias and camelCase, and --no-x', () => {
    const parsed = { _: ['run'], n: '5', sample: '5', 'sample-method': 'all', sampleMethod: 'all', r: ['json'], reporter: ['json'], start: false, x: 1, h: false };
    expect(findArgumentProblem(parsed, run, ['run', '-n', '5', '--sample-method', 'all', '-r', 'json', '--no-start', '--x', '1'], 'run')).toBeUndefined();
  });

  it('lists the choices of an option or positional given a value outside them', () => {
    expect(findArgumentProblem({ _: [], 'sample-method': 'foo', sampleMethod: 'foo' }, run, ['--sample-method', 'foo'])).toBe(
      '--sample-method must be one of reservoir, stratified, key-hash, all (got "foo")',
    );
    const golden: ArgumentSpec = { names: ['action'], aliases: {}, choices: { action: ['record', 'check', 'review'] }, required: [] };
    expect(findArgumentProblem({ _: ['golden'], action: 'recrd' }, golden, ['golden', 'recrd'], 'golden')).toBe(
      '<action> must be one of record, check, review (got "recrd" — did you mean "record"?)',
    );
  });

  it('names required options left out, after unknown ones', () => {
    const drift: ArgumentSpec = { names: ['baseline', 'current'], aliases: {}, choices: {}, required: ['baseline', 'current'] };
    expect(findArgumentProblem({ _: ['drift'], current: 'b.csv' }, drift, ['drift', '--current', 'b.csv'], 'drift')).toBe('--baseline is required');
    expect(findArgumentProblem({ _: ['drift'] }, drift, ['drift'], 'drift')).toBe('--baseline and --current are required');
    expect(findArgumentProblem({ _: ['drift'], basline: 'a' }, drift, ['drift', '--basline', 'a'], 'drift')).toBe('unknown option --basline (did you mean --baseline?)');
  });
});

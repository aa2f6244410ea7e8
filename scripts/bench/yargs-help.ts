/**
 * The cold-start bench's "node + yargs" reference: yargs with one command and a few options, printing `--help`.
 * What any yargs CLI pays before loading its own code.
 */
import yargs from 'yargs';

void yargs(['--help'])
  .scriptName('ref')
  .command('run', 'Run', (y) => y.option('config', { type: 'string', describe: 'Config file' }).option('sample', { type: 'string', describe: 'Rows' }))
  .help()
  .exitProcess(false)
  .parseAsync();

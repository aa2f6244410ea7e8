/**
 * Preloaded by the cold-start bench (`node -r count-modules.js …`): when the process exits, writes to stderr how
 * many modules it loaded from files (`require.cache`, this one left out) as `modules: N`.
 */
process.on('exit', () => {
  process.stderr.write(`modules: ${Object.keys(require.cache).length - 1}\n`);
});

// Run after a failed check: repeats every failing test's message at the end of the output, where
// a reader (or a CI log cut to its last lines) finds it, then exits 1 so the check stays red.
const fs = require('node:fs');
const { failureFiles } = require('./test-logs');

const files = failureFiles();
if (files.length > 0) {
  process.stderr.write('\nFailing tests (logs are printed under each failure above):\n\n');
  for (const file of files) process.stderr.write(`${fs.readFileSync(file, 'utf8')}\n`);
}
process.exit(1);

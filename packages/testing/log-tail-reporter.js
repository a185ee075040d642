// Prints the end of a test file's logs (see test-logs.js) under its failures, so a failing test
// explains itself while passing ones print nothing but the runner's summary.
const path = require('node:path');
const { REPO_ROOT, logFilesOf, tail } = require('./test-logs');

class LogTailReporter {
  constructor(_globalConfig, options = {}) {
    this.lines = options.lines ?? 200;
  }

  onTestFileResult(_test, result) {
    if (result.numFailingTests === 0 && !result.testExecError) return;
    for (const file of logFilesOf(result.testFilePath)) {
      const lines = tail(file, this.lines);
      if (lines.length === 0) continue;
      const what = lines.length === 1 ? 'line' : `${lines.length} lines`;
      const header = `Last ${what} of ${path.relative(REPO_ROOT, file)}:`;
      const body = lines.map((line) => `    ${line}`).join('\n');
      process.stderr.write(`\n  ${header}\n\n${body}\n\n`);
    }
  }
}

module.exports = LogTailReporter;

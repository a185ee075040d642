// Prints the end of a test file's logs (see test-logs.js) under its failures, so a failing test
// explains itself while passing ones print nothing but the runner's summary. The failures
// themselves are also kept in a file per test file, which print-failures.js repeats at the very
// end of a run, after every package's output.
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, failureFiles, failuresFileOf, logFilesOf, tail } = require('./test-logs');

/** Lines of each failure message kept for the end-of-run summary. */
const MESSAGE_LINES = 25;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function failuresOf(result) {
  const failures = result.testResults
    .filter((test) => test.status === 'failed')
    .map((test) => {
      const message = test.failureMessages
        .join('\n')
        .replace(ANSI, '')
        .split('\n')
        .filter((line) => !/^\s+at .*node_modules/.test(line));
      return [`● ${test.fullName}`, ...message.slice(0, MESSAGE_LINES).map((l) => `    ${l}`)];
    });
  if (result.testExecError) {
    failures.push([`● ${result.testExecError.message}`.replace(ANSI, '')]);
  }
  return failures.map((lines) => lines.join('\n'));
}

class LogTailReporter {
  constructor(globalConfig, options = {}) {
    this.lines = options.lines ?? 60;
    this.rootDir = globalConfig.rootDir;
  }

  /** This package's failures from an earlier run are not this run's. */
  onRunStart() {
    const packageLogs = path.dirname(failuresFileOf(path.join(this.rootDir, 'package')));
    for (const file of failureFiles(packageLogs)) fs.rmSync(file, { force: true });
  }

  onTestFileResult(_test, result) {
    const failuresFile = failuresFileOf(result.testFilePath);
    if (result.numFailingTests === 0 && !result.testExecError) {
      fs.rmSync(failuresFile, { force: true });
      return;
    }
    for (const file of logFilesOf(result.testFilePath)) {
      const lines = tail(file, this.lines);
      if (lines.length === 0) continue;
      const what = lines.length === 1 ? 'line' : `${lines.length} lines`;
      const header = `Last ${what} of ${path.relative(REPO_ROOT, file)}:`;
      const body = lines.map((line) => `    ${line}`).join('\n');
      process.stderr.write(`\n  ${header}\n\n${body}\n\n`);
    }
    fs.mkdirSync(path.dirname(failuresFile), { recursive: true });
    const heading = `FAIL ${path.relative(REPO_ROOT, result.testFilePath)}`;
    fs.writeFileSync(failuresFile, [heading, ...failuresOf(result)].join('\n\n') + '\n');
  }
}

module.exports = LogTailReporter;

// Runs first in every test file: its logs from an earlier run are removed, and TEST_LOG_FILE
// tells the test world (and the processes it starts) where this file's logs go.
const { clearLogs, logFileOf } = require('./test-logs');

const { testPath } = expect.getState();
if (testPath) {
  clearLogs(testPath);
  process.env.TEST_LOG_FILE = logFileOf(testPath);
}

/**
 * Where the running test file's logs go (set per file by the jest preset, see `test-logs.js`), or
 * undefined outside a test run. `part` names the file of one process the test starts, next to it.
 */
export function testLogFile(part?: string): string | undefined {
  const file = process.env.TEST_LOG_FILE;
  if (!file || part === undefined) return file;
  return file.replace(/\.log$/, `.${part}.log`);
}

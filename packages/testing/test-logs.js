// Where a test file's logs go: .shiplink/test-logs/<package>/<path in the package>.log, and
// <same>.<part>.log for each process the file starts. The setup file clears them when the test
// file starts; the reporter prints their tail when one of its tests failed.
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '../..');
const LOG_ROOT = path.join(REPO_ROOT, '.shiplink', 'test-logs');
/** Enough of a file's end for the tail, without reading a long run's whole log. */
const TAIL_BYTES = 1024 * 1024;
/** Lines longer than this (whole payloads) are cut in the tail; the file has them whole. */
const TAIL_LINE_CHARS = 2_000;

/** apps/e2e/test/order-flow.integration.test.ts → <LOG_ROOT>/e2e/test/order-flow.integration.test */
function logBaseOf(testPath) {
  const relative = path.relative(REPO_ROOT, testPath);
  const parts = relative.startsWith('..') ? [path.basename(testPath)] : relative.split(path.sep);
  const inPackage = parts[0] === 'apps' || parts[0] === 'packages' ? parts.slice(1) : parts;
  return path.join(LOG_ROOT, ...inPackage).replace(/\.[cm]?[jt]sx?$/, '');
}

function logFileOf(testPath) {
  return `${logBaseOf(testPath)}.log`;
}

/** The test file's own log first, then its processes' logs, as they are on disk now. */
function logFilesOf(testPath) {
  const base = logBaseOf(testPath);
  const name = path.basename(base);
  let entries;
  try {
    entries = fs.readdirSync(path.dirname(base));
  } catch {
    return [];
  }
  return entries
    .filter(
      (entry) =>
        entry === `${name}.log` || (entry.startsWith(`${name}.`) && entry.endsWith('.log')),
    )
    .sort((a, b) => (a === `${name}.log` ? -1 : b === `${name}.log` ? 1 : a.localeCompare(b)))
    .map((entry) => path.join(path.dirname(base), entry));
}

/** Where the reporter keeps a failing test file's failures, for the summary after every run. */
function failuresFileOf(testPath) {
  return `${logBaseOf(testPath)}.failures.txt`;
}

/** Every failures file left by the last run of each test file. */
function failureFiles(dir = LOG_ROOT) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return failureFiles(full);
    return entry.name.endsWith('.failures.txt') ? [full] : [];
  });
}

function clearLogs(testPath) {
  for (const file of logFilesOf(testPath)) fs.rmSync(file, { force: true });
}

/** The last `count` lines of a file (none when it is missing or empty). */
function tail(file, count) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    // A read that starts mid-file starts mid-line.
    if (start > 0) lines.shift();
    return lines
      .filter((line) => line.trim() !== '')
      .slice(-count)
      .map((line) => (line.length > TAIL_LINE_CHARS ? `${line.slice(0, TAIL_LINE_CHARS)}…` : line));
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

module.exports = {
  REPO_ROOT,
  clearLogs,
  failureFiles,
  failuresFileOf,
  logFileOf,
  logFilesOf,
  tail,
};

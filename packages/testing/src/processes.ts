import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { testLogFile } from './test-logs';

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** What is kept in memory of an app's output (the log file, when given, has all of it). */
const OUTPUT_WINDOW = 5_000_000;

export interface AppProcess {
  app: string;
  child: ChildProcess;
  output(): string;
  /** Resolves once a log line contains `text`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Sends `signal`; if the app is still there after `graceMs`, kills it. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

const running = new Set<ChildProcess>();
// However the parent ends, no app is left running behind it.
process.on('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

/**
 * Runs an app's `src/main.ts` with tsx as its own OS process: for crash and shutdown tests, the
 * benchmark and the demo. `logFile` also writes everything it prints to that file. In a test
 * without one, the output goes next to the test file's log (appended: a test may start an app
 * more than once), so a failure's report shows it and a passing run prints nothing. `bundled`
 * runs the app's production build instead (`dist/main.js`, made by its `build` script, with its
 * third-party packages reachable from `dist`), as its image does.
 */
export function startApp(
  app: string,
  env: Record<string, string>,
  options: { logFile?: string; bundled?: boolean } = {},
): AppProcess {
  const args = options.bundled ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: path.join(REPO_ROOT, 'apps', app),
    // Many apps share one machine here: each takes a free operations port unless one is given.
    env: {
      ...process.env,
      OPS_PORT: '0',
      ...(options.bundled ? { NODE_ENV: 'production' } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logFile = options.logFile ?? testLogFile(app);
  // Whoever named the file, its folder may not exist yet (the first test of a fresh clone).
  if (logFile) mkdirSync(path.dirname(logFile), { recursive: true });
  const log = logFile
    ? createWriteStream(logFile, { flags: options.logFile ? 'w' : 'a' })
    : undefined;
  let output = '';
  const collect = (chunk: Buffer) => {
    log?.write(chunk);
    output += chunk.toString();
    if (output.length > OUTPUT_WINDOW) output = output.slice(-OUTPUT_WINDOW);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      log?.end();
      resolve(code);
    }),
  );
  const where = () => (logFile ? `see ${logFile}` : `output:\n${output}`);
  return {
    app,
    child,
    output: () => output,
    async waitForOutput(text, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (child.exitCode !== null) throw new Error(`${app} exited early; ${where()}`);
        if (Date.now() > deadline) throw new Error(`${app} never logged "${text}"; ${where()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal = 'SIGTERM', graceMs = 30_000) {
      if (child.exitCode === null) {
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
      }
      return exited;
    },
  };
}

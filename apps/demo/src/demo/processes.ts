import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
export const LOG_DIR = path.join(REPO, '.shiplink/logs');

export interface Running {
  name: string;
  child: ChildProcess;
  logFile: string;
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

const children = new Set<ChildProcess>();
// Whatever way the demo ends, no app is left running behind it.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts an app as its own process, its JSON logs going to .shiplink/logs/<app>.log. */
export function startProcess(app: string, env: Record<string, string>): Running {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${app}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(REPO, 'apps', app),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let seen = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    seen = (seen + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    name: app,
    child,
    logFile,
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!seen.includes(text)) {
        if (child.exitCode !== null)
          throw new Error(`${app} exited (code ${child.exitCode}); see ${logFile}`);
        if (Date.now() > deadline) throw new Error(`${app} did not start in time; see ${logFile}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** SIGTERM everything and wait for the graceful shutdowns. */
export async function stopAll(processes: Running[]): Promise<void> {
  await Promise.all(
    processes.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null) return resolve();
          p.child.once('exit', () => resolve());
          p.child.kill('SIGTERM');
          setTimeout(() => p.child.kill('SIGKILL'), 30_000).unref();
        }),
    ),
  );
}

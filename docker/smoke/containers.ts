import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execute = promisify(execFile);

/** The docker CLI; rejects with its stderr when it fails. */
export async function docker(...args: string[]): Promise<string> {
  try {
    return (await execute('docker', args, { maxBuffer: 64 * 1024 * 1024 })).stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`docker ${args[0]} failed: ${stderr || String(error)}`);
  }
}

export interface ContainerSpec {
  app: string;
  image: string;
  env: Record<string, string>;
  command?: string[];
}

export interface Container {
  name: string;
  app: string;
  /** stdout and stderr so far (followed from the start, so polling costs no docker call). */
  logs(): string;
  /** False once the container has stopped. */
  running(): boolean;
  /** Resolves when the container has stopped and its last log line is in. */
  stopped: Promise<void>;
}

const SMOKE_LABEL = 'shiplink.smoke=1';
/** Once the run is ending no container starts, and one being created is waited for. */
let closing = false;
let creating: Promise<unknown> = Promise.resolve();

/** `docker run -d` on the host network with a read-only root file system, as production runs. */
export async function startContainer(spec: ContainerSpec): Promise<Container> {
  const name = `shiplink-smoke-${spec.app}`;
  const env = Object.entries(spec.env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  if (closing) throw new Error('the smoke run is stopping');
  creating = docker(
    'run',
    '-d',
    '--name',
    name,
    '--label',
    SMOKE_LABEL,
    '--network',
    'host',
    '--read-only',
    ...env,
    spec.image,
    ...(spec.command ?? []),
  );
  await creating;
  let output = '';
  let running = true;
  const follow = spawn('docker', ['logs', '--follow', name], { stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => (output += chunk.toString());
  follow.stdout.on('data', collect);
  follow.stderr.on('data', collect);
  const stopped = new Promise<void>((resolve) =>
    follow.on('close', () => {
      running = false;
      resolve();
    }),
  );
  return { name, app: spec.app, logs: () => output, running: () => running, stopped };
}

/** Every container a smoke run started: this run's, or one an earlier run left when killed. */
export async function removeSmokeContainers(): Promise<void> {
  const ids = await docker('ps', '-aq', '--filter', `label=${SMOKE_LABEL}`);
  if (ids) await docker('rm', '-f', ...ids.split('\n'));
}

/** The end of a run, however it ends: no new container, and none left behind. */
export async function removeAllAtEnd(): Promise<void> {
  closing = true;
  await creating.catch(() => undefined);
  await removeSmokeContainers();
}

/** True once a GET answers 200; false while it refuses or answers otherwise. */
export async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** False while nothing listens (connection refused), true once anything answers. */
export async function listens(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { applyMigrations } from './database';
import { freePort } from './ports';

/*
 * Throwaway PostgreSQL and Redis servers, one per test that needs to stop, restart or wipe them
 * (the shared servers on 5432/6379 must never go down). Each lives in its own temp directory on
 * its own port; `start()` after `stop()` comes back on the same port. Whatever happens to the test
 * process, even a SIGKILL, the servers and their directories go with it.
 */

const COMMAND_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
/** PostgreSQL refuses to run as root; as root, its commands run as this account instead. */
const POSTGRES_ACCOUNT = 'postgres';
const isRoot = process.getuid?.() === 0;

const exitCleanups = new Set<() => void>();
let exitHookInstalled = false;

/** Registers a synchronous cleanup for process exit; returns its removal. */
function onProcessExit(cleanup: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const run of exitCleanups) run();
    });
  }
  exitCleanups.add(cleanup);
  return () => exitCleanups.delete(cleanup);
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * A shell waiting on a pipe from this process: the pipe closes however the process ends (a
 * SIGKILL or a crashed test worker included, where no exit hook runs), and then `script` runs.
 * Killed once the server has been cleaned up the ordinary way.
 */
function startReaper(script: string): ChildProcess {
  const reaper = spawn('/bin/sh', ['-c', `read _; ${script}`], {
    stdio: ['pipe', 'ignore', 'ignore'],
    // Its own process group: a Ctrl-C to the test run must not take it down before it has run.
    detached: true,
  });
  reaper.unref();
  (reaper.stdin as Socket | null)?.unref();
  return reaper;
}

/**
 * One server's clean-up, however the test process ends: `destroy()` the ordinary way, the exit
 * hook (`stopNow`, synchronous) when the process exits, the reaper when it is killed.
 */
function guardServer(dir: string, reaperScript: string, stopNow: () => void) {
  const reaper = startReaper(`${reaperScript}; rm -rf ${shellQuote(dir)}`);
  const forget = onProcessExit(() => {
    stopNow();
    rmSync(dir, { recursive: true, force: true });
  });
  let destroyed = false;
  return {
    isDestroyed: () => destroyed,
    async destroy(stop: () => Promise<void>): Promise<void> {
      if (destroyed) return;
      destroyed = true;
      try {
        await stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        reaper.kill('SIGKILL');
        forget();
      }
    },
  };
}

/**
 * Starts a server on a free port. Another process can take the port between the probe and the
 * bind; then (and only then, as `portTaken` tells) another port is tried, three times at most.
 */
async function onFreePort(
  start: (port: number) => Promise<void>,
  portTaken: (error: unknown) => boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt >= 3 || !portTaken(error)) throw error;
    }
  }
}

function execute(file: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: COMMAND_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) {
        const detail = `${stderr}${stdout}`.trim();
        reject(
          new Error(`${path.basename(file)} ${args.join(' ')} failed: ${detail || error.message}`),
        );
      } else resolve(stdout);
    });
  });
}

const tail = (file: string, lines = 20) =>
  existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';

/** `PG_BIN_DIR`, else the newest PostgreSQL under /usr/lib/postgresql (Debian), else the PATH. */
function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const newest = existsSync(root)
    ? readdirSync(root)
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  return newest ? path.join(root, newest, 'bin') : '';
}

/** The command line for a PostgreSQL program, run as its own account when this process is root. */
function postgresCommand(program: string, args: string[]): [string, string[]] {
  const binary = path.join(postgresBinDir(), program);
  return isRoot ? ['runuser', ['-u', POSTGRES_ACCOUNT, '--', binary, ...args]] : [binary, args];
}

function accountIds(account: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, account], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

export type PostgresStopMode = 'fast' | 'immediate';

export interface PostgresServer {
  /** `postgresql://postgres@127.0.0.1:<port>/<database>`, migrated unless asked otherwise. */
  url: string;
  port: number;
  /** The server's own log; startup failures quote it. */
  logFile: string;
  isRunning(): boolean;
  /**
   * `fast` rolls back and ends every session ("terminating connection due to administrator
   * command"), as a restart by an operator does; `immediate` drops them like a crash.
   */
  stop(mode?: PostgresStopMode): Promise<void>;
  /** Starts it again: same port, same data. */
  start(): Promise<void>;
  /** Stops it, keeps it down for `downMs`, starts it again. */
  restart(downMs: number, mode?: PostgresStopMode): Promise<void>;
  /** Stops it if it runs and deletes its data directory. */
  destroy(): Promise<void>;
}

export interface PostgresServerOptions {
  /** The database created for the hub; `shiplink` by default. */
  database?: string;
  /** Apply the project's migrations to it (default true). */
  migrate?: boolean;
}

// A throwaway cluster needs no protection from the machine crashing: fsync off makes start-up and
// writes much cheaper. It must survive its own server being killed, though (the outage tests
// stop it with -m immediate and count acknowledged events): a commit is only acknowledged once
// its WAL reaches the operating system, so synchronous_commit stays on.
const POSTGRES_SETTINGS = {
  listen_addresses: "'127.0.0.1'",
  fsync: 'off',
  synchronous_commit: 'on',
  full_page_writes: 'off',
  autovacuum: 'off',
  shared_buffers: "'32MB'",
  max_connections: '100',
};

/**
 * A PostgreSQL cluster of its own: initdb in a temp directory (trust auth, the unix socket kept in
 * that directory, TCP on 127.0.0.1 only), started with pg_ctl on a free port, with one database
 * migrated the way `createTestDatabase` migrates a schema.
 */
export async function startPostgresServer(
  options: PostgresServerOptions = {},
): Promise<PostgresServer> {
  const database = options.database ?? 'shiplink';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplink-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (isRoot) {
    const { uid, gid } = accountIds(POSTGRES_ACCOUNT);
    chownSync(dir, uid, gid);
  }
  const pgCtl = (args: string[]) => {
    const [file, argv] = postgresCommand('pg_ctl', ['-D', dataDir, ...args]);
    return execute(file, argv, dir);
  };
  const [stopFile, stopArgs] = postgresCommand('pg_ctl', [
    '-D',
    dataDir,
    '-m',
    'immediate',
    '-s',
    'stop',
  ]);
  let port = 0;
  let running = false;
  const guard = guardServer(
    dir,
    `${[stopFile, ...stopArgs].map(shellQuote).join(' ')} >/dev/null 2>&1`,
    () => {
      if (!running) return;
      try {
        execFileSync(stopFile, stopArgs, {
          cwd: dir,
          stdio: 'ignore',
          timeout: COMMAND_TIMEOUT_MS,
        });
      } catch {
        // The reaper tries again once this process is gone.
      }
    },
  );

  const start = async () => {
    if (running) return;
    if (guard.isDestroyed()) throw new Error('this PostgreSQL server was destroyed');
    try {
      await pgCtl(['-l', logFile, '-o', `-p ${port}`, '-w', '-t', '30', '-s', 'start']);
    } catch (error) {
      throw new Error(
        `PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${tail(logFile)}`,
      );
    }
    running = true;
  };

  const stop = async (mode: PostgresStopMode = 'fast') => {
    if (!running) return;
    await pgCtl(['-m', mode, '-w', '-t', '30', '-s', 'stop']);
    running = false;
  };

  const destroy = () => guard.destroy(() => stop('immediate'));

  try {
    const [initdb, initdbArgs] = postgresCommand('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    await execute(initdb, initdbArgs, dir);
    const settings = { ...POSTGRES_SETTINGS, unix_socket_directories: `'${dir}'` };
    appendFileSync(
      path.join(dataDir, 'postgresql.conf'),
      `\n${Object.entries(settings)
        .map(([name, value]) => `${name} = ${value}`)
        .join('\n')}\n`,
    );
    await onFreePort(
      (free) => {
        port = free;
        return start();
      },
      () => /could not bind|already in use/i.test(tail(logFile)),
    );
    const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
    const url = `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    if (options.migrate ?? true) await applyMigrations(url);
    return {
      url,
      port,
      logFile,
      isRunning: () => running,
      stop,
      start,
      async restart(downMs, mode = 'fast') {
        await stop(mode);
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await start();
      },
      destroy,
    };
  } catch (error) {
    await destroy().catch(() => undefined);
    throw error;
  }
}

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  isRunning(): boolean;
  /**
   * SIGTERM shuts it down cleanly, SIGKILL is a crash. Nothing is persisted, so every key is
   * gone either way once it starts again.
   */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port (empty). */
  start(): Promise<void>;
  /** FLUSHALL: every key of every database, while the server keeps running. */
  flushAll(): Promise<void>;
  /** Stops it if it runs and deletes its directory. */
  destroy(): Promise<void>;
}

/** What is kept of a Redis server's output, for start-up failures. */
const REDIS_OUTPUT_WINDOW = 20_000;

/** `redis-server` without persistence as a child process, on a free port of 127.0.0.1. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplink-redis-'));
  // Written by us, not by Redis: the reaper needs it even after a SIGKILL.
  const pidFile = path.join(dir, 'redis.pid');
  let port = 0;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const guard = guardServer(
    dir,
    `[ -f ${shellQuote(pidFile)} ] && kill -9 "$(cat ${shellQuote(pidFile)})" 2>/dev/null`,
    () => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  );

  const start = async () => {
    if (child) return;
    if (guard.isDestroyed()) throw new Error('this Redis server was destroyed');
    const server = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-REDIS_OUTPUT_WINDOW);
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    // Nothing here may keep the test process alive; the exit hook and the reaper stop it.
    server.unref();
    (server.stdout as Socket | null)?.unref();
    (server.stderr as Socket | null)?.unref();
    child = server;
    if (server.pid) writeFileSync(pidFile, String(server.pid));
    exited = new Promise((resolve) =>
      server.once('exit', () => {
        if (child === server) child = undefined;
        try {
          unlinkSync(pidFile);
        } catch {
          // Already gone.
        }
        resolve();
      }),
    );
    let spawnError: Error | undefined;
    server.on('error', (error) => {
      spawnError = error;
    });
    const deadline = Date.now() + COMMAND_TIMEOUT_MS;
    while (!output.includes('Ready to accept connections')) {
      const failure = spawnError
        ? `redis-server could not be started: ${spawnError.message}`
        : server.exitCode !== null || server.signalCode !== null
          ? `redis-server exited on port ${port}:\n${output.trimEnd()}`
          : Date.now() > deadline
            ? `redis-server did not start on port ${port}:\n${output.trimEnd()}`
            : undefined;
      if (failure) {
        server.kill('SIGKILL');
        if (child === server) child = undefined;
        throw new Error(failure);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const server = child;
    if (!server) return;
    server.kill(signal);
    const forced = setTimeout(() => server.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(forced);
  };

  const destroy = () => guard.destroy(() => stop('SIGKILL'));

  try {
    await onFreePort(
      (free) => {
        port = free;
        return start();
      },
      (error) => /already in use/i.test((error as Error).message),
    );
  } catch (error) {
    await destroy().catch(() => undefined);
    throw error;
  }
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    isRunning: () => child !== undefined,
    stop,
    start,
    async flushAll() {
      const client = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        retryStrategy: () => null,
      });
      try {
        await client.connect();
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
    destroy,
  };
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@shiplink/testing';

const run = promisify(execFile);
const STOP_GRACE_MS = 5_000;

export interface RedisCluster {
  /** `redis+cluster://127.0.0.1:<p1>,127.0.0.1:<p2>,…`, as an operator sets REDIS_URL. */
  url: string;
  ports: number[];
  /** Stops every node and deletes their directory. */
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of `masters` nodes (no replicas, nothing persisted) on ports of its own, in a
 * temp directory. A reaper kills the nodes should the test process die without stopping them.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplink-redis-cluster-'));
  // It waits on a pipe from this process; the pipe closes however this process ends.
  const reaper = spawn(
    '/bin/sh',
    ['-c', `read _; for f in "$0"/*.pid; do kill -9 "$(cat "$f")"; done; rm -rf "$0"`, dir],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  reaper.unref();
  (reaper.stdin as Socket | null)?.unref();
  const nodes: { port: number; child: ChildProcess }[] = [];
  const stop = async () => {
    await Promise.all(nodes.map(({ port, child }) => stopNode(dir, port, child)));
    reaper.stdin?.end();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) nodes.push(await startNode(dir, nodes));
    const ports = nodes.map((node) => node.port);
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run(
      'redis-cli',
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
      { timeout: 60_000 },
    );
    // Every node must agree before a client asks any of them for the slots.
    await waitFor(
      async () => {
        const states = await Promise.all(
          ports.map((port) => run('redis-cli', ['-p', String(port), 'cluster', 'info'])),
        );
        return states.every(({ stdout }) => stdout.includes('cluster_state:ok'));
      },
      { timeoutMs: 30_000, what: 'cluster_state:ok on every node' },
    );
    return { url: `redis+cluster://${addresses.join(',')}`, ports, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function startNode(
  dir: string,
  started: { port: number }[],
): Promise<{ port: number; child: ChildProcess }> {
  for (let attempt = 0; ; attempt++) {
    const port = await freeClusterPort(started.map((node) => node.port));
    const child = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
        ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
        ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (child.pid) writeFileSync(path.join(dir, `${port}.pid`), String(child.pid));
    // Nothing here may keep the test process alive; stop() and the reaper end the nodes.
    child.unref();
    let output = '';
    for (const stream of [child.stdout, child.stderr] as (Socket | null)[]) {
      stream?.unref();
      stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    }
    const gone = () => child.exitCode !== null || child.signalCode !== null;
    const ready = () => output.includes('Ready to accept connections') && !gone();
    await waitFor(() => ready() || gone(), {
      timeoutMs: 20_000,
      what: `redis-server on port ${port}`,
    }).catch(() => undefined);
    if (ready()) return { port, child };
    await stopNode(dir, port, child);
    // Someone else took the port between the check and the start: try another one.
    if (attempt >= 5 || !/already in use/i.test(output)) {
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
  }
}

async function stopNode(dir: string, port: number, child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(forced);
  }
  rmSync(path.join(dir, `${port}.pid`), { force: true });
}

/**
 * A port free for the node and for its cluster bus (port + 10000). Both stay below the range the
 * system hands out for outgoing connections, so a client socket rarely takes one meanwhile.
 */
async function freeClusterPort(taken: number[]): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 12_000);
    if (taken.some((other) => Math.abs(other - port) === 10_000 || other === port)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from './logger';
import { LogFile } from './log-file';

describe('LogFile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplink-log-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends the lines of every logger sharing it, and drops what comes after destroy', () => {
    const file = path.join(dir, 'nested', 'hub.log');
    const first = new LogFile(file);
    const second = new LogFile(file);
    createLogger({ service: 'ingress', stream: first }).info('ingress listening');
    createLogger({ service: 'worker-orders', stream: second }).warn('worker ready');
    first.destroy();
    createLogger({ service: 'ingress', stream: first }).info('after close');
    second.destroy();

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as { service: string; message: string })).toEqual([
      expect.objectContaining({ service: 'ingress', message: 'ingress listening' }),
      expect.objectContaining({ service: 'worker-orders', message: 'worker ready' }),
    ]);
  });
});

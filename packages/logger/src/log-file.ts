import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

/**
 * A log file each line is appended to at once, with a synchronous write: a process that dies
 * keeps its last lines, and several loggers or processes can share one file without their lines
 * tearing each other (O_APPEND). Lines written after `destroy()` are dropped.
 */
export class LogFile extends Writable {
  private fd: number | undefined;

  constructor(readonly file: string) {
    super();
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a');
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    try {
      if (this.fd !== undefined) writeSync(this.fd, chunk);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    done(error);
  }
}

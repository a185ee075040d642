import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue/key prefix of its own per test file, so runs never see each other's jobs. */
export function testQueuePrefix(): string {
  return `test-${process.pid}-${randomBytes(3).toString('hex')}`;
}

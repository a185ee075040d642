import { PassThrough } from 'node:stream';
import { createLogger, redact, REDACTED, withLogContext } from './index';

describe('redact', () => {
  it('removes secrets, personal data and e-mails inside strings', () => {
    expect(
      redact({
        headers: { Authorization: 'Basic abc', 'X-Auth-Token': 't' },
        shipTo: { street1: '1 Main St', city: 'Austin', phone: '555' },
        note: 'mail ann@example.com now',
        nested: [{ apiKey: 'k', ok: 1 }],
      }),
    ).toEqual({
      headers: { Authorization: REDACTED, 'X-Auth-Token': REDACTED },
      shipTo: { street1: REDACTED, city: 'Austin', phone: REDACTED },
      note: `mail ${REDACTED} now`,
      nested: [{ apiKey: REDACTED, ok: 1 }],
    });
  });
});

describe('createLogger', () => {
  it('writes JSON lines with the job context attached and redacted fields', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
    const log = createLogger({ service: 'test', stream });
    withLogContext({ jobId: 'j1', queue: 'orders', correlationId: 'c1' }, () =>
      log.warn('provider rate limited', { provider: 'shipstation', token: 'sekret' }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'warn',
      message: 'provider rate limited',
      service: 'test',
      jobId: 'j1',
      queue: 'orders',
      correlationId: 'c1',
      provider: 'shipstation',
      token: REDACTED,
    });
  });
});

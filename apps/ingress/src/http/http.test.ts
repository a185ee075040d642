import type { AddressInfo } from 'node:net';
import express from 'express';
import { silentLogger } from '@shiplink/logger';
import { safeEqual } from '../auth/secrets';
import { HttpProblem, problemHandler, route } from './problems';

/** The error answers, over real HTTP. */
describe('ingress HTTP plumbing', () => {
  let base: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.post('/json', express.json({ limit: '1kb' }), (_req, res) => {
      res.json({ ok: true });
    });
    app.get(
      '/problem',
      route(async () => {
        throw new HttpProblem(409, 'conflict', 'already there', ['detail']);
      }),
    );
    app.get(
      '/boom',
      route(async () => {
        throw new Error('secret internals');
      }),
    );
    app.use(problemHandler(silentLogger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });

  afterAll(() => close());

  it('compares secrets of different lengths safely', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });

  it('answers bad bodies and failures with a code and a message, never internals', async () => {
    const post = (body: string) =>
      fetch(`${base}/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const malformed = await post('{"a":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'malformed_json' });
    const large = await post(JSON.stringify({ x: 'y'.repeat(2_000) }));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ error: 'payload_too_large' });
    const problem = await fetch(`${base}/problem`);
    expect(problem.status).toBe(409);
    expect(await problem.json()).toEqual({
      error: 'conflict',
      message: 'already there',
      details: ['detail'],
    });
    const boom = await fetch(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(JSON.stringify(await boom.json())).not.toContain('secret internals');
  });
});

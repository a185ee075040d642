import type { AddressInfo } from 'node:net';
import express from 'express';
import { silentLogger } from '@shiplink/logger';
import { requireBasic, requireBearer, safeEqual } from './auth';
import { HttpProblem, problemHandler, route } from './problems';

/** The admin and dashboard guards and the error answers, over real HTTP. */
describe('ingress HTTP plumbing', () => {
  let base: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.get('/admin', requireBearer('admin-token-123456'), (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/board', requireBasic('admin', 'board-password-123'), (_req, res) => {
      res.send('board');
    });
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

  it.each([
    [undefined, 401],
    ['Bearer wrong', 401],
    ['Basic admin-token-123456', 401],
    ['Bearer admin-token-123456', 200],
  ])('admin API with Authorization %p → %i', async (authorization, status) => {
    const response = await fetch(`${base}/admin`, {
      headers: authorization ? { authorization } : {},
    });
    expect(response.status).toBe(status);
  });

  it('asks browsers for dashboard credentials and lets the right ones in', async () => {
    const denied = await fetch(`${base}/board`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const basic = (user: string, pass: string) =>
      `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    expect(
      (await fetch(`${base}/board`, { headers: { authorization: basic('admin', 'nope') } })).status,
    ).toBe(401);
    expect(
      (
        await fetch(`${base}/board`, {
          headers: { authorization: basic('admin', 'board-password-123') },
        })
      ).status,
    ).toBe(200);
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

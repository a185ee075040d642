import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '@shiplink/logger';
import { waitFor } from '@shiplink/testing';
import { answerError } from './problems';
import { readBody } from './request-body';
import { sendJson } from './send';

/** What the body reader makes of requests, over real HTTP. */
describe('readBody', () => {
  let server: Server;
  let base: string;
  /** How each request's read ended: its byte count, or the refusal's code. */
  const reads: (number | string)[] = [];
  let started = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      started += 1;
      readBody(req, 1_024).then(
        (body) => {
          reads.push(body.length);
          sendJson(res, 200, { bytes: body.length, text: body.toString('utf8') });
        },
        (error: unknown) => {
          reads.push((error as { code: string }).code);
          answerError(res, error, silentLogger);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (body: string | Buffer, headers: Record<string, string> = {}) => {
    const response = await fetch(base, { method: 'POST', body, headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('returns the bytes as sent', async () => {
    expect(await post('{"a":"é"}')).toEqual({
      status: 200,
      body: { bytes: 10, text: '{"a":"é"}' },
    });
  });

  it('reads an absent body as empty', async () => {
    const response = await fetch(base, { method: 'POST' });
    expect(await response.json()).toEqual({ bytes: 0, text: '' });
  });

  it('decompresses gzip, and limits the decompressed size', async () => {
    expect(await post(gzipSync('{"a":1}'), { 'content-encoding': 'gzip' })).toEqual({
      status: 200,
      body: { bytes: 7, text: '{"a":1}' },
    });
    const bomb = await post(gzipSync('x'.repeat(10_000)), { 'content-encoding': 'gzip' });
    expect([bomb.status, bomb.body.error]).toEqual([413, 'payload_too_large']);
  });

  it.each([
    ['a body over the limit', 'x'.repeat(2_000), {}, 413, 'payload_too_large'],
    ['an unknown encoding', '{}', { 'content-encoding': 'x-unknown' }, 415, 'unsupported_encoding'],
    ['a corrupt gzip body', '{}', { 'content-encoding': 'gzip' }, 400, 'bad_request'],
  ])('refuses %s', async (_case, body, headers, status, error) => {
    const answer = await post(body, headers);
    expect([answer.status, answer.body.error]).toEqual([status, error]);
  });

  it('keeps the connection usable after a refusal', async () => {
    expect((await post('x'.repeat(5_000))).status).toBe(413);
    expect((await post('{}')).status).toBe(200);
  });

  it('gives up on a request whose sender hangs up mid-body', async () => {
    const [before, requests] = [reads.length, started];
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"a":');
    await waitFor(() => started > requests || undefined, { what: 'the request to arrive' });
    expect(reads.length).toBe(before);
    socket.destroy();
    await waitFor(() => reads[before], { what: 'the read to end' });
    expect(reads[before]).toBe('request_aborted');
  });
});

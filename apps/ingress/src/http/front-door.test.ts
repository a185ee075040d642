import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { frontDoor } from './front-door';
import { sendJson } from './send';

describe('frontDoor', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use((_req, res) => {
      res.status(404).json({ by: 'app' });
    });
    const door = frontDoor((req, res) => {
      if (req.url !== '/lane') return false;
      sendJson(res, 202, { by: 'lane' });
      return true;
    }, app);
    await new Promise<void>((resolve) => {
      server = door.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('lets the lane answer what it takes and the app everything else', async () => {
    const lane = await fetch(`${base}/lane`, { method: 'POST' });
    expect([lane.status, await lane.json(), lane.headers.get('content-type')]).toEqual([
      202,
      { by: 'lane' },
      'application/json; charset=utf-8',
    ]);
    const app = await fetch(`${base}/other`);
    expect([app.status, await app.json()]).toEqual([404, { by: 'app' }]);
  });
});

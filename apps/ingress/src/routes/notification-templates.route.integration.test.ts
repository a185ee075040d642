import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { StoreSettingsSchema } from '@shiplink/connectors';
import { createRepos, type Repos } from '@shiplink/db';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TRIGGERS, PAGE_LANGUAGES } from '@shiplink/domain';
import { silentLogger } from '@shiplink/logger';
import { defaultTemplates, sampleContext } from '@shiplink/notification-templates';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { parseBody } from '../http/body';
import { problemHandler } from '../http/problems';
import { notificationTemplatesApi } from './notification-templates.route';
import type { BodyParser } from './reviews.route';

const KEY = Buffer.alloc(32, 8).toString('base64');
const BRAND_COLOUR = '#7a1f2b';

const body: BodyParser = parseBody;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answered
  json: any;
}

/** The templates admin API on the real PostgreSQL, over HTTP. */
describe('notification templates admin API', () => {
  let database: TestDatabase;
  let repos: Repos;
  let server: Server;
  let base: string;
  let storeId: string;

  async function call(
    method: string,
    path: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(
      `${base}/admin/api/stores/${storeId}/notification-templates${path}`,
      {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      },
    );
    const text = await response.text();
    const json: unknown = response.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : undefined;
    return { status: response.status, headers: response.headers, text, json };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const tenant = await repos.tenancy.createTenant('Aalto');
    const store = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Kahvila Aalto',
      platform: 'bigcommerce',
      externalRef: 'aalto1',
      settings: StoreSettingsSchema.parse({
        trackingPage: { brand: { primaryColor: BRAND_COLOUR } },
      }),
    });
    storeId = store.id;
    const app = express();
    app.use(express.json({ limit: '64kb' }));
    app.use(notificationTemplatesApi({ repos, body }));
    app.use(problemHandler(silentLogger));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await repos?.close();
    await database?.drop();
  });

  it('lists all 112 templates, each on its default until the store saves its own', async () => {
    const { status, json } = await call('GET', '');
    expect(status).toBe(200);
    expect(json).toHaveLength(
      NOTIFICATION_TRIGGERS.length * NOTIFICATION_CHANNELS.length * PAGE_LANGUAGES.length,
    );
    expect(json).toHaveLength(112);
    const keys = new Set(
      json.map((t: Answer['json']) => `${t.trigger}/${t.channel}/${t.language}`),
    );
    expect(keys.size).toBe(112);
    expect(keys).toContain('available_for_pickup/sms/sv');
    expect(json[0]).toEqual({
      trigger: 'shipped',
      channel: 'email',
      language: 'en',
      customized: false,
      version: null,
      savedAt: null,
      savedBy: null,
    });
    expect(json.every((t: Answer['json']) => t.customized === false)).toBe(true);
  });

  it('saves a template as the next version; fields left out stay the default’s', async () => {
    const defaults = defaultTemplates('shipped', 'fi').email;
    const before = await call('GET', '/shipped/email/fi');
    expect(before.json).toMatchObject({ customized: false, version: null, template: defaults });

    const subject = '{{store.name}}: tilaus {{order.number}} on matkalla';
    const first = await call('PUT', '/shipped/email/fi', { subject, by: 'Aino' });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ version: 1, savedAt: expect.any(String) });
    const second = await call('PUT', '/shipped/email/fi', {
      subject,
      text: 'Hei {{customer.name}}',
    });
    expect(second.json.version).toBe(2);

    const saved = await call('GET', '/shipped/email/fi');
    expect(saved.json).toEqual({
      trigger: 'shipped',
      channel: 'email',
      language: 'fi',
      customized: true,
      version: 2,
      savedAt: second.json.savedAt,
      savedBy: null,
      customizedFields: ['subject', 'text'],
      template: { subject, html: defaults.html, text: 'Hei {{customer.name}}' },
    });
    const sms = await call('PUT', '/delivered/sms/de', { body: 'Zugestellt: {{order.number}}' });
    expect(sms.json.version).toBe(1);

    const listed = (await call('GET', '')).json.filter((t: Answer['json']) => t.customized);
    expect(listed).toEqual([
      expect.objectContaining({ trigger: 'shipped', channel: 'email', language: 'fi', version: 2 }),
      expect.objectContaining({ trigger: 'delivered', channel: 'sms', language: 'de', version: 1 }),
    ]);
  });

  it('refuses templates that do not validate, saying what is wrong with each field', async () => {
    const refused = await call('PUT', '/exception/email/en', {
      subject: '{{#if customer.name}}Sorry {{customer.name}}',
      html: '<p>{{evil}}</p>',
      text: '{{links.trackingPage}}',
    });
    expect(refused.status).toBe(422);
    expect(refused.json).toEqual({
      error: 'invalid_template',
      message: 'the template does not validate',
      details: [
        expect.stringMatching(
          /^subject: line 1, column \d+: the template ends before a \{\{#block/,
        ),
        'html: line 1, column 6: unknown field "evil" (available: language, trigger, store, customer, order, parcel, facts, links)',
      ],
    });
    const helper = await call('PUT', '/exception/sms/en', { body: '{{evil order.number}}' });
    expect(helper.status).toBe(422);
    expect(helper.json.details).toEqual([expect.stringMatching(/^body: .*unknown helper "evil"/)]);
    expect((await call('GET', '/exception/email/en')).json.customized).toBe(false);
    expect((await call('GET', '/exception/sms/en')).json.customized).toBe(false);
  });

  it('refuses fields the channel does not have, and a save of nothing', async () => {
    const wrong = await call('PUT', '/shipped/sms/fi', { body: 'ok', subject: 'no' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toBe('invalid_request');
    expect(wrong.json.details).toEqual([expect.stringMatching(/subject/)]);
    expect((await call('PUT', '/shipped/email/fi', { body: 'no' })).status).toBe(400);
    expect((await call('PUT', '/shipped/email/fi', { by: 'Aino' })).status).toBe(400);
    expect((await call('PUT', '/shipped/sms/fi', {})).status).toBe(400);
    expect((await call('GET', '/shipped/email/fi')).json.version).toBe(2);
  });

  it('previews a draft in the store’s brand for the sample order, in Finnish and in German', async () => {
    const fi = await call('POST', '/preview', {
      trigger: 'out_for_delivery',
      channel: 'email',
      language: 'fi',
      template: { subject: '{{store.name}}: paketti {{order.number}} tulee tänään' },
    });
    expect(fi.status).toBe(200);
    expect(fi.json.subject).toBe('Kahvila Aalto: paketti 1234 tulee tänään');
    expect(fi.json.html).toContain('<html lang="fi"');
    expect(fi.json.html).toContain(`background-color:${BRAND_COLOUR}`);
    expect(fi.json.html).toContain('Kahvila Aalto');
    expect(fi.json.html).not.toContain('Nordic Trail');
    expect(fi.json.text).toContain('Hei Aino');

    const de = await call('POST', '/preview', {
      trigger: 'delayed',
      channel: 'email',
      language: 'de',
      template: { html: '<p>Hallo {{customer.name}}, hier ist {{store.name}}.</p>' },
    });
    expect(de.json.html).toContain('<html lang="de"');
    expect(de.json.html).toContain('<p>Hallo Lena, hier ist Kahvila Aalto.</p>');
    expect(de.json.html).toContain(`background-color:${BRAND_COLOUR}`);
    expect(de.json.subject).toContain('1234');
    expect(de.json.text).toContain('Kahvila Aalto');
  });

  it('previews the store’s current template when no draft is given, and refuses a bad draft', async () => {
    const current = await call('POST', '/preview', {
      trigger: 'shipped',
      channel: 'email',
      language: 'fi',
    });
    expect(current.json.subject).toBe('Kahvila Aalto: tilaus 1234 on matkalla');
    const bad = await call('POST', '/preview', {
      trigger: 'shipped',
      channel: 'email',
      language: 'fi',
      template: { html: '<p>{{#each parcel.items}}{{name}}</p>' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.details).toEqual([expect.stringMatching(/^html: /)]);
    const mixed = await call('POST', '/preview', {
      trigger: 'shipped',
      channel: 'sms',
      language: 'fi',
      template: { subject: 'x' },
    });
    expect(mixed.status).toBe(400);
  });

  it('gives an e-mail preview as the page itself to whoever asks for HTML', async () => {
    const draft = { trigger: 'delivered', channel: 'email', language: 'sv' };
    for (const [query, headers] of [
      ['?format=html', {}],
      ['', { accept: 'text/html' }],
    ] as const) {
      const page = await call('POST', `/preview${query}`, draft, headers);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(page.text).toMatch(/^<!DOCTYPE html><html lang="sv"/);
      expect(page.text).toContain('Kahvila Aalto');
    }
    expect((await call('POST', '/preview', draft)).json.html).toMatch(/^<!DOCTYPE html>/);
  });

  it('previews an SMS with its character count', async () => {
    const link = sampleContext('shipped', 'fi').links.trackingPage;
    const draft = await call('POST', '/preview', {
      trigger: 'shipped',
      channel: 'sms',
      language: 'fi',
      template: {
        body: '{{store.name}}: paketti {{order.number}}\nmatkalla {{links.trackingPage}}',
      },
    });
    const expected = `Kahvila Aalto: paketti 1234 matkalla ${link}`;
    expect(draft.json).toEqual({ body: expected, characters: expected.length });
    expect(draft.json.characters).toBe(37 + link.length);

    const saved = await call('POST', '/preview', {
      trigger: 'delivered',
      channel: 'sms',
      language: 'de',
    });
    expect(saved.json).toEqual({ body: 'Zugestellt: 1234', characters: 16 });
    const html = await call('POST', '/preview?format=html', {
      trigger: 'delivered',
      channel: 'sms',
      language: 'de',
    });
    expect(html.json).toEqual(saved.json);
  });

  it('resets a template to the default, keeping what it was as history', async () => {
    expect((await call('DELETE', '/shipped/email/fi')).status).toBe(204);
    const reset = await call('GET', '/shipped/email/fi');
    expect(reset.json).toMatchObject({
      customized: false,
      version: null,
      customizedFields: [],
      template: defaultTemplates('shipped', 'fi').email,
    });
    // Already on the default: nothing more to do.
    expect((await call('DELETE', '/shipped/email/fi')).status).toBe(204);
    expect((await call('DELETE', '/returned/sms/en')).status).toBe(204);
    const history = await repos.notificationTemplates.history(storeId, {
      trigger: 'shipped',
      channel: 'email',
      language: 'fi',
    });
    expect(history.map((version) => version.version)).toEqual([3, 2, 1]);
    const customized = (await call('GET', '')).json.filter((t: Answer['json']) => t.customized);
    expect(customized).toEqual([expect.objectContaining({ trigger: 'delivered', channel: 'sms' })]);
    const preview = await call('POST', '/preview', {
      trigger: 'shipped',
      channel: 'email',
      language: 'fi',
    });
    expect(preview.json.subject).toBe('Tilauksesi 1234 on matkalla');
  });

  it('answers 404 for a store, trigger, channel or language there is none of', async () => {
    const known = storeId;
    storeId = '00000000-0000-4000-8000-000000000000';
    try {
      for (const [method, path, payload] of [
        ['GET', '', undefined],
        ['GET', '/shipped/email/fi', undefined],
        ['PUT', '/shipped/sms/fi', { body: 'x' }],
        ['DELETE', '/shipped/sms/fi', undefined],
        ['POST', '/preview', { trigger: 'shipped', channel: 'sms', language: 'fi' }],
      ] as const) {
        const answer = await call(method, path, payload);
        expect([method, path, answer.status, answer.json.error]).toEqual([
          method,
          path,
          404,
          'unknown_store',
        ]);
      }
      storeId = 'not-a-uuid';
      expect((await call('GET', '')).status).toBe(400);
    } finally {
      storeId = known;
    }
    expect((await call('GET', '/lost/email/fi')).json).toEqual({
      error: 'unknown_trigger',
      message: `triggers are: ${NOTIFICATION_TRIGGERS.join(', ')}`,
    });
    expect((await call('PUT', '/shipped/fax/fi', { body: 'x' })).json).toEqual({
      error: 'unknown_channel',
      message: 'channels are: email, sms',
    });
    const language = await call('DELETE', '/shipped/sms/xx');
    expect([language.status, language.json.message]).toEqual([
      404,
      'languages are: en, fi, sv, de',
    ]);
  });
});

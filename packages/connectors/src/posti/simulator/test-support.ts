import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { XMLParser } from 'fast-xml-parser';
import { routingKey, signParams, verifyParams } from '../signing';

/** Helpers for the simulator's own tests: real HTTP against a listening simulator. */

export type Json = Record<string, unknown>;

/** A merchant's credentials. */
export interface Merchant {
  apiKey: string;
  secret: string;
}

/** A JSON API answer. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/**
 * One signed form POST, as Pakettikauppa's client library sends it: `api_key` and `timestamp`
 * added, `hash` over the sorted values. `sign: false` leaves the hash out; `hash` overrides it.
 */
export async function signedPost<T = unknown>(
  baseUrl: string,
  path: string,
  merchant: Merchant,
  params: Record<string, string> = {},
  options: { timestamp?: number; hash?: string; sign?: boolean; json?: boolean } = {},
): Promise<Answer<T>> {
  const unsigned: Record<string, string> = {
    api_key: merchant.apiKey,
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1_000)),
    ...params,
  };
  const signed =
    options.sign === false
      ? unsigned
      : { ...unsigned, hash: options.hash ?? signParams(unsigned, merchant.secret) };
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body: options.json ? JSON.stringify(signed) : new URLSearchParams(signed).toString(),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const responseParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'response.trackingcode',
});

/** A Prinetti answer: HTTP status, raw text and the parsed `Response`. */
export interface PrinettiAnswer {
  status: number;
  text: string;
  response: {
    'response.status': string;
    'response.message': string;
    'response.reference'?: { '#text': string; '@uuid': string };
    'response.trackingcode'?: { '#text': string; '@uuid': string; '@labelcode'?: string }[];
    'response.file'?: { '#text': string; '@encode': string };
  };
}

/** POSTs a Prinetti document (`text/xml`). */
export async function postXml(
  baseUrl: string,
  path: string,
  body: string | Buffer,
): Promise<PrinettiAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body,
  });
  const text = await response.text();
  const parsed = responseParser.parse(text) as { Response: PrinettiAnswer['response'] };
  return { status: response.status, text, response: parsed.Response };
}

let routingIds = 1_700_000_000_000;
/** A fresh numeric Routing.Id. */
export const nextRoutingId = (): string => String((routingIds += 1));

/** The `ROUTING` element of a merchant's request. */
export function routingXml(merchant: Merchant, routingId: string, key?: string): string {
  return `<ROUTING>
    <Routing.Account>${merchant.apiKey}</Routing.Account>
    <Routing.Key>${key ?? routingKey(merchant.apiKey, routingId, merchant.secret)}</Routing.Key>
    <Routing.Id>${routingId}</Routing.Id>
    <Routing.Name>shiplink-test</Routing.Name>
    <Routing.Time>20240701123000</Routing.Time>
  </ROUTING>`;
}

/** What a test shipment varies. */
export interface ShipmentOptions {
  routingId?: string;
  routingKey?: string;
  product?: string;
  reference?: string;
  /** Recipient elements; `null` leaves one out. */
  recipient?: Record<string, string | null>;
  weights?: string[];
  /** Raw `Consignment.AdditionalService` elements. */
  services?: string[];
  parcelElement?: 'Consignment.Parcel' | 'Consigment.Parcel';
}

const RECIPIENT: Record<string, string> = {
  Name1: 'Aino Virtanen',
  Addr1: 'Mannerheimintie 12 B 7',
  Postcode: '00100',
  City: 'Helsinki',
  Country: 'FI',
  Phone: '+358401234567',
  Email: 'aino@example.com',
};

/** A create-shipment document (by default Kotipaketti, one 1.2 kg parcel, to Helsinki). */
export function shipmentXml(merchant: Merchant, options: ShipmentOptions = {}): string {
  const routingId = options.routingId ?? nextRoutingId();
  const recipient = Object.entries({ ...RECIPIENT, ...options.recipient })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `<Recipient.${name}>${value}</Recipient.${name}>`)
    .join('');
  const parcel = options.parcelElement ?? 'Consignment.Parcel';
  const parcels = (options.weights ?? ['1.2'])
    .map(
      (weight, index) => `<${parcel}>
        <Parcel.Reference>P${index + 1}</Parcel.Reference>
        <Parcel.Packagetype>PC</Parcel.Packagetype>
        <Parcel.Weight unit="kg">${weight}</Parcel.Weight>
        <Parcel.Volume unit="m3">0.02</Parcel.Volume>
        <Parcel.Contents>Mugs</Parcel.Contents>
      </${parcel}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<eChannel>
  ${routingXml(merchant, routingId, options.routingKey)}
  <Shipment>
    <Shipment.Sender>
      <Sender.Name1>Kahvikuppi Oy</Sender.Name1>
      <Sender.Addr1>Hämeenkatu 5</Sender.Addr1>
      <Sender.Postcode>33100</Sender.Postcode>
      <Sender.City>Tampere</Sender.City>
      <Sender.Country>FI</Sender.Country>
      <Sender.Vatcode>1234567-8</Sender.Vatcode>
    </Shipment.Sender>
    <Shipment.Recipient>${recipient}</Shipment.Recipient>
    <Shipment.Consignment>
      <Consignment.Reference>${options.reference ?? routingId}</Consignment.Reference>
      <Consignment.Product>${options.product ?? '2104'}</Consignment.Product>
      ${(options.services ?? []).join('')}
      ${parcels}
    </Shipment.Consignment>
  </Shipment>
</eChannel>`;
}

/** A `Consignment.AdditionalService` element. */
export function serviceXml(code: string, specifiers: Record<string, string> = {}): string {
  const inner = Object.entries(specifiers)
    .map(
      ([name, value]) =>
        `<AdditionalService.Specifier name="${name}">${value}</AdditionalService.Specifier>`,
    )
    .join('');
  return `<Consignment.AdditionalService><AdditionalService.ServiceCode>${code}</AdditionalService.ServiceCode>${inner}</Consignment.AdditionalService>`;
}

/** The tracking codes of a successful create answer. */
export const trackingCodesOf = (answer: PrinettiAnswer): string[] =>
  (answer.response['response.trackingcode'] ?? []).map((code) => code['#text']);

/** One callback as the receiver got it. */
export interface ReceivedCallback {
  params: Record<string, string>;
  /** Whether `hash` verified with the merchant's secret. */
  verified: boolean;
  event: Json;
}

/** The merchant's callback endpoint: verifies each callback and answers as scripted. */
export class CallbackReceiver {
  received: ReceivedCallback[] = [];
  /** Answers to give, one per request; `200 {"success": true}` once exhausted. */
  answers: { status: number; body: string }[] = [];
  url = '';
  secret = '';
  private server: Server | undefined;

  async start(): Promise<void> {
    const app = express();
    app.post('/hooks/posti', express.urlencoded({ extended: false }), (req, res) => {
      const params = req.body as Record<string, string>;
      this.received.push({
        params,
        verified: verifyParams(params, this.secret),
        event: JSON.parse(params.object ?? '{}') as Json,
      });
      const answer = this.answers.shift() ?? { status: 200, body: '{"success": true}' };
      res.status(answer.status).type('application/json').send(answer.body);
    });
    const server = app.listen(0, '127.0.0.1');
    this.server = server;
    await new Promise((resolve) => server.once('listening', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/posti`;
  }

  clear(): void {
    this.received = [];
    this.answers = [];
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

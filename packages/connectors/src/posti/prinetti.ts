import { createHash } from 'node:crypto';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { zoneOffsetMinutes } from '@shiplink/domain';
import { PermanentError, RetryableError, type ShiplinkError } from '@shiplink/errors';
import { POSTI_PROVIDER } from './profile';
import { routingKey } from './signing';

/*
 * Prinetti is Posti's XML interface for shipments and labels: `<eChannel>` documents with a
 * ROUTING header (account, MD5 routing key, a numeric request id, a timestamp) answered by
 * `<Response>` documents with a numeric status.
 */

export const CREATE_SHIPMENT_ENDPOINT = 'POST /prinetti/create-shipment';
export const GET_LABEL_ENDPOINT = 'POST /prinetti/get-shipping-label';

/** A sender or recipient. Names and address lines go out as given, cleaned for XML only. */
export interface PrinettiParty {
  name1: string;
  name2?: string | null;
  addr1: string;
  addr2?: string | null;
  addr3?: string | null;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string | null;
  /** Recipient only. */
  email?: string | null;
  /** Sender only: the business id. */
  vatcode?: string | null;
}

/** `Consignment.AdditionalService`: a service code and its named specifiers, in order. */
export interface PrinettiAdditionalService {
  code: string;
  specifiers?: Readonly<Record<string, string>>;
}

export interface PrinettiParcel {
  weightKg: number;
  volumeM3: number;
  contents: string;
  /** `PC` (package) unless told otherwise. */
  packageType?: string;
}

/** One consignment: who sends, who receives, which product and services, and its parcels. */
export interface PrinettiShipment {
  sender: PrinettiParty;
  recipient: PrinettiParty;
  /** `Consignment.Reference`: the store's order number, echoed back and shown to Posti support. */
  reference: string;
  /** `Consignment.Product`: the Posti `shipping_method_code`. */
  product: string;
  additionalServices: readonly PrinettiAdditionalService[];
  parcels: readonly PrinettiParcel[];
}

export interface PrinettiRouting {
  /** The API key (`Routing.Account`). */
  account: string;
  secret: string;
  /** The hub's own id of this request; `Routing.Id` is derived from it (`routingIdFor`). */
  requestId: string;
  /** `Routing.Name`: who is calling, free text. */
  name?: string;
  at: Date;
}

/**
 * `Routing.Id` for a hub request id: the first 52 bits of its SHA-256, in decimal (at most 16
 * digits: a safe JavaScript integer and within a signed 64-bit column). The same request id
 * always gives the same routing id, so a retried create is the same request to Posti.
 */
export function routingIdFor(requestId: string): string {
  const hex = createHash('sha256').update(requestId, 'utf8').digest('hex').slice(0, 13);
  const id = BigInt(`0x${hex}`);
  return id === 0n ? '1' : id.toString(10);
}

const HELSINKI = 'Europe/Helsinki';

/**
 * `Routing.Time` (`YYYYMMDDHHMMSS`) in Finnish local time, as the documented examples are (their
 * unix-time ids and stamps differ by exactly Helsinki's offset).
 */
export function prinettiTime(at: Date): string {
  const ms = at.getTime();
  const local = new Date(ms + zoneOffsetMinutes(HELSINKI, ms) * 60_000);
  return local.toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

// Characters XML 1.0 forbids, and lone surrogates; line breaks become spaces (one-line fields).
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g; // eslint-disable-line no-control-regex

/** A value as one clean line of XML text (the builder escapes `&`, `<`, `>` and quotes). */
export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: false,
  suppressEmptyNode: true,
  // Otherwise `combine="true"` is written as a bare attribute, which is not XML.
  suppressBooleanAttributes: false,
});

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

type XmlNode = Record<string, unknown>;

/** Only the elements that have a value, with `prefix.` names: `{Name1: 'x'}` → `Sender.Name1`. */
function elements(prefix: string, values: Record<string, string | null | undefined>): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of Object.entries(values)) {
    const cleaned = value === null || value === undefined ? '' : xmlText(value);
    if (cleaned) node[`${prefix}.${name}`] = cleaned;
  }
  return node;
}

function routingNode(routing: PrinettiRouting): XmlNode {
  const id = routingIdFor(routing.requestId);
  return {
    'Routing.Account': routing.account,
    'Routing.Key': routingKey(routing.account, id, routing.secret),
    'Routing.Id': id,
    'Routing.Name': xmlText(routing.name ?? 'Shiplink') || 'Shiplink',
    'Routing.Time': prinettiTime(routing.at),
  };
}

/** A decimal without trailing zeros (`0.010000` → `0.01`); toFixed keeps exponents away. */
const decimal = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** Kilograms with three decimals, never below one gram (Posti refuses zero weights). */
export function formatWeightKg(kg: number): string {
  return Math.max(kg, 0.001).toFixed(3);
}

function serviceNode(service: PrinettiAdditionalService): XmlNode {
  const specifiers = Object.entries(service.specifiers ?? {}).map(([name, value]) => ({
    '@_name': name,
    '#text': xmlText(value),
  }));
  return {
    'AdditionalService.ServiceCode': service.code,
    ...(specifiers.length ? { 'AdditionalService.Specifier': specifiers } : {}),
  };
}

function parcelNode(parcel: PrinettiParcel): XmlNode {
  return {
    'Parcel.Packagetype': parcel.packageType ?? 'PC',
    'Parcel.Weight': formatWeightKg(parcel.weightKg),
    'Parcel.Volume': decimal(parcel.volumeM3, 6),
    ...elements('Parcel', { Contents: parcel.contents }),
  };
}

/** The `create-shipment` document for one consignment, UTF-8. */
export function buildCreateShipment(input: {
  routing: PrinettiRouting;
  shipment: PrinettiShipment;
}): string {
  const { routing, shipment } = input;
  if (shipment.parcels.length === 0) {
    throw new PermanentError('a Posti consignment needs at least one parcel', {
      provider: POSTI_PROVIDER,
      reason: `${POSTI_PROVIDER}.no_parcels`,
    });
  }
  const { sender, recipient } = shipment;
  const document = {
    eChannel: {
      ROUTING: routingNode(routing),
      Shipment: {
        'Shipment.Sender': elements('Sender', {
          Name1: sender.name1,
          Name2: sender.name2,
          Addr1: sender.addr1,
          Addr2: sender.addr2,
          Addr3: sender.addr3,
          Postcode: sender.postcode,
          City: sender.city,
          Country: sender.country,
          Phone: sender.phone,
          Vatcode: sender.vatcode,
        }),
        'Shipment.Recipient': elements('Recipient', {
          Name1: recipient.name1,
          Name2: recipient.name2,
          Addr1: recipient.addr1,
          Addr2: recipient.addr2,
          Addr3: recipient.addr3,
          Postcode: recipient.postcode,
          City: recipient.city,
          Country: recipient.country,
          Phone: recipient.phone,
          Email: recipient.email,
        }),
        'Shipment.Consignment': {
          'Consignment.Reference': xmlText(shipment.reference),
          'Consignment.Product': shipment.product,
          ...(shipment.additionalServices.length
            ? { 'Consignment.AdditionalService': shipment.additionalServices.map(serviceNode) }
            : {}),
          'Consignment.Parcel': shipment.parcels.map(parcelNode),
        },
      },
    },
  };
  return `${DECLARATION}${builder.build(document) as string}`;
}

/** The `get-shipping-label` document: one PDF for the consignment's parcels. */
export function buildGetLabel(input: {
  routing: PrinettiRouting;
  reference: string;
  trackingCodes: readonly string[];
  format?: 'File';
}): string {
  const document = {
    eChannel: {
      ROUTING: routingNode(input.routing),
      PrintLabel: {
        '@_combine': 'true',
        '@_responseFormat': input.format ?? 'File',
        Reference: xmlText(input.reference),
        TrackingCode: input.trackingCodes.map(xmlText),
      },
    },
  };
  return `${DECLARATION}${builder.build(document) as string}`;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'response.trackingcode',
});

/** An element as the parser gives it: text alone, or an object with `#text` and `@_` attributes. */
const NodeSchema = z.union([
  z.string(),
  z.looseObject({ '#text': z.union([z.string(), z.number()]).optional() }),
]);
type Node = z.infer<typeof NodeSchema>;

const nodeText = (node: Node | undefined): string =>
  node === undefined ? '' : typeof node === 'string' ? node : String(node['#text'] ?? '').trim();

function nodeAttribute(node: Node | undefined, name: string): string | undefined {
  if (!node || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const ResponseSchema = z.looseObject({
  Response: z.looseObject({
    'response.status': z.string().regex(/^\d{1,6}$/),
    'response.message': NodeSchema.optional(),
    'response.reference': NodeSchema.optional(),
    'response.trackingcode': z.array(NodeSchema).optional(),
    'response.file': NodeSchema.optional(),
  }),
});
type PrinettiResponse = z.infer<typeof ResponseSchema>['Response'];

/**
 * Prinetti status codes that are worth retrying: 100 unknown error, 160 error saving the label,
 * 240 system failure. Retrying a create is safe because the retry carries the same `Routing.Id`.
 */
export const RETRYABLE_PRINETTI_STATUSES: ReadonlySet<number> = new Set([100, 160, 240]);

/**
 * A non-zero Prinetti status as a classified error: 100/160/240 retryable; 230 (invalid XML: our
 * document is wrong, sending it again cannot help) and any undocumented code permanent, so a
 * person sees Posti's message instead of the job retrying something nobody understands.
 */
export function prinettiStatusError(
  status: number,
  message: string,
  endpoint: string,
): ShiplinkError {
  const details = {
    provider: POSTI_PROVIDER,
    endpoint,
    reason: `${POSTI_PROVIDER}.prinetti_${status}`,
  };
  const text = `posti ${endpoint} → Prinetti status ${status}: ${message || 'no message'}`;
  return RETRYABLE_PRINETTI_STATUSES.has(status)
    ? new RetryableError(text, details)
    : new PermanentError(text, details);
}

/**
 * Reads a `<Response>` document. Anything that is not one (an HTML error page from a proxy, a
 * truncated body, XML of another shape) is retryable: for a create nobody can tell whether
 * Posti made the shipment, and only the same request again (same routing id) finds out safely;
 * a permanent error would send the order to review with a possibly live shipment.
 */
function readResponse(xml: string, endpoint: string): PrinettiResponse {
  const unreadable = (why: string) =>
    new RetryableError(
      `posti ${endpoint} answered something that is not a Prinetti response: ${why}`,
      {
        provider: POSTI_PROVIDER,
        endpoint,
        reason: `${POSTI_PROVIDER}.unreadable_response`,
      },
    );
  const body = xml.replace(/^\uFEFF/, '').trim();
  if (!body.startsWith('<')) throw unreadable('not XML');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw unreadable(valid.err.msg);
  let tree: unknown;
  try {
    tree = parser.parse(body);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  const parsed = ResponseSchema.safeParse(tree);
  if (!parsed.success) throw unreadable(parsed.error.issues[0]?.message ?? 'unexpected shape');
  return parsed.data.Response;
}

/** Reads the response and throws the classified error of a non-zero status. */
function okResponse(xml: string, endpoint: string): PrinettiResponse {
  const response = readResponse(xml, endpoint);
  const status = Number(response['response.status']);
  if (status !== 0) {
    throw prinettiStatusError(status, nodeText(response['response.message']), endpoint);
  }
  return response;
}

export interface PrinettiTrackingCode {
  code: string;
  /** Posti's id of the parcel. */
  uuid?: string;
  /** The label-free sending code, when additional service 9902 asked for one. */
  labelCode?: string;
}

export interface PrinettiCreateResult {
  status: number;
  message: string;
  /** The consignment reference as Posti stored it, with the shipment's UUID (used to cancel). */
  reference?: { uuid: string | null; value: string };
  /** One per parcel, in parcel order. */
  trackingCodes: PrinettiTrackingCode[];
}

/**
 * A `create-shipment` answer. Status 0 without a single tracking code is permanent: Posti says
 * it worked but gave nothing to track or label, and a person has to look at the account.
 */
export function parseCreateShipmentResponse(xml: string): PrinettiCreateResult {
  const response = okResponse(xml, CREATE_SHIPMENT_ENDPOINT);
  const trackingCodes = (response['response.trackingcode'] ?? []).flatMap((node) => {
    const code = nodeText(node);
    if (!code) return [];
    const uuid = nodeAttribute(node, 'uuid');
    const labelCode = nodeAttribute(node, 'labelcode');
    return [{ code, ...(uuid ? { uuid } : {}), ...(labelCode ? { labelCode } : {}) }];
  });
  if (trackingCodes.length === 0) {
    throw new PermanentError('posti create-shipment answered OK without a tracking code', {
      provider: POSTI_PROVIDER,
      endpoint: CREATE_SHIPMENT_ENDPOINT,
      reason: `${POSTI_PROVIDER}.no_tracking_codes`,
    });
  }
  const referenceNode = response['response.reference'];
  const reference = nodeText(referenceNode);
  return {
    status: 0,
    message: nodeText(response['response.message']),
    ...(reference || nodeAttribute(referenceNode, 'uuid')
      ? { reference: { uuid: nodeAttribute(referenceNode, 'uuid') ?? null, value: reference } }
      : {}),
    trackingCodes,
  };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The label PDF of a `get-shipping-label` answer. A missing or non-PDF file is retryable: this is
 * a read, and a label Posti is still rendering may well be there on the next try.
 */
export function parseLabelResponse(xml: string): Buffer {
  const response = okResponse(xml, GET_LABEL_ENDPOINT);
  const node = response['response.file'];
  const encoding = nodeAttribute(node, 'encode') ?? 'base64';
  const retry = (why: string, reason: string) =>
    new RetryableError(`posti ${GET_LABEL_ENDPOINT}: ${why}`, {
      provider: POSTI_PROVIDER,
      endpoint: GET_LABEL_ENDPOINT,
      reason: `${POSTI_PROVIDER}.${reason}`,
    });
  if (encoding.toLowerCase() !== 'base64') {
    throw new PermanentError(`posti label came encoded as ${encoding}, not base64`, {
      provider: POSTI_PROVIDER,
      endpoint: GET_LABEL_ENDPOINT,
      reason: `${POSTI_PROVIDER}.label_encoding`,
    });
  }
  const data = nodeText(node).replace(/\s+/g, '');
  if (!data) throw retry('the answer has no label file', 'label_missing');
  if (!BASE64.test(data)) throw retry('the label file is not base64', 'label_not_pdf');
  const pdf = Buffer.from(data, 'base64');
  if (pdf.subarray(0, 4).toString('latin1') !== '%PDF') {
    throw retry('the label file is not a PDF', 'label_not_pdf');
  }
  return pdf;
}

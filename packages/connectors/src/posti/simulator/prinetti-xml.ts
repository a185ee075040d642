import type { Response } from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Prinetti's `response.status` codes and their texts. */
export const PRINETTI_STATUS = {
  0: 'OK',
  100: 'Unknown error',
  160: 'Error in saving label',
  230: 'XML is invalid',
  240: 'System failure',
} as const;

/** A Prinetti `response.status`. */
export type PrinettiStatus = keyof typeof PRINETTI_STATUS;

/** Elements that may repeat, parsed as arrays even when there is one. */
const REPEATED = new Set([
  'Consignment.Parcel',
  // The docs' own examples spell it so in places; the service reads both.
  'Consigment.Parcel',
  'Consignment.AdditionalService',
  'AdditionalService.Specifier',
  'Parcel.contentline',
  'TrackingCode',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Postcodes, ids and codes stay text: `04320` is not 4320.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  isArray: (name) => REPEATED.has(name),
});

/** The body decoded as its XML declaration says: ISO-8859-1 (Latin-1) or UTF-8 (the default). */
export function decodeXmlBody(body: Buffer): string | undefined {
  const head = body.subarray(0, 200).toString('latin1');
  const encoding = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (encoding && ['iso-8859-1', 'latin1', 'latin-1', 'iso8859-1'].includes(encoding)) {
    return body.toString('latin1');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

/** The parsed document, or why it is not well-formed XML. */
export function parseXml(text: string): { document: unknown } | { error: string } {
  if (!text.trim()) return { error: 'The request has no XML body' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line})` };
  return { document: parser.parse(text) as unknown };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One element, its text and attributes escaped. */
export function element(name: string, text: string, attributes: Record<string, string> = {}) {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

/** A Prinetti `Response` document with status, message and any further elements. */
export function prinettiResponseXml(status: PrinettiStatus, message: string, body: string[] = []) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Response>',
    `  ${element('response.status', String(status))}`,
    `  ${element('response.message', message)}`,
    ...body.map((line) => `  ${line}`),
    '</Response>',
    '',
  ].join('\n');
}

/** A `Response` carrying only a status (its standard text unless a message is given). */
export const prinettiStatusXml = (status: PrinettiStatus, message?: string) =>
  prinettiResponseXml(status, message ?? PRINETTI_STATUS[status]);

/** Sends an XML answer. */
export function sendXml(res: Response, httpStatus: number, xml: string): void {
  res.status(httpStatus).type('text/xml; charset=utf-8').send(xml);
}

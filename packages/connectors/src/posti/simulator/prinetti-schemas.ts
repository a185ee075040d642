import { z } from 'zod';

/**
 * The Prinetti documents as fast-xml-parser reads them (`@name` attributes, `#text` beside
 * them), checked with zod. Unknown elements are ignored, as the service ignores the original
 * Prinetti elements it does not use (Routing.Target, Consignment.Contentcode …).
 */

/** An element's text: itself when it has no attributes, else its `#text` ('' when empty). */
export function textOf(node: unknown): unknown {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const text = (node as Record<string, unknown>)['#text'];
    return text === undefined ? '' : String(text);
  }
  return node;
}

/** Prinetti's `Routing.Time` shape: `YYYYMMDDHHMMSS`. */
const ROUTING_TIME = /^\d{14}$/;

const text = z.preprocess(textOf, z.string());
const required = z.preprocess(textOf, z.string().trim().min(1, 'is required'));
const optional = text.optional().transform((value) => value?.trim() ?? '');
const decimal = z.preprocess(
  textOf,
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal number with a "." (e.g. 1.25)')
    .transform(Number),
);

/** `ROUTING`, also where the docs' cargo example nests it in a second `ROUTING`. */
export const RoutingSchema = z.preprocess(
  (node) =>
    typeof node === 'object' && node !== null && 'ROUTING' in node
      ? (node as { ROUTING: unknown }).ROUTING
      : node,
  z.object({
    'Routing.Account': required,
    'Routing.Key': required,
    'Routing.Id': z.preprocess(
      textOf,
      z
        .string()
        .trim()
        .regex(/^\d{1,30}$/, 'must be numeric'),
    ),
    'Routing.Name': optional,
    'Routing.Time': z
      .preprocess(textOf, z.string().trim().regex(ROUTING_TIME, 'must be YYYYMMDDHHMMSS'))
      .optional(),
  }),
);
/** A checked `ROUTING`. */
export type Routing = z.infer<typeof RoutingSchema>;

/** `Sender.Name1` → `Name1`, so that both parties share one schema. */
const unprefixed = (node: unknown) =>
  typeof node === 'object' && node !== null && !Array.isArray(node)
    ? Object.fromEntries(
        Object.entries(node as Record<string, unknown>).map(([key, value]) => [
          key.replace(/^(Sender|Recipient)\./, ''),
          value,
        ]),
      )
    : node;

const countryCode = z.preprocess(
  textOf,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a 2-letter country code'),
);

const PartyFields = z.object({
  Name1: required,
  Name2: optional,
  Addr1: required,
  Addr2: optional,
  Addr3: optional,
  Postcode: required,
  City: required,
  Country: countryCode,
  Phone: optional,
  Email: optional,
  Vatcode: optional,
});

/** `Shipment.Sender`: the country defaults to FI. */
const SenderSchema = z.preprocess(
  unprefixed,
  PartyFields.extend({ Country: countryCode.optional().transform((code) => code ?? 'FI') }),
);
/** `Shipment.Recipient`: the country (ISO 3166 alpha-2) is required. */
const RecipientSchema = z.preprocess(unprefixed, PartyFields);
/** A checked sender or recipient, its fields without the `Sender.` / `Recipient.` prefix. */
export type PrinettiParty = z.infer<typeof PartyFields>;

const SpecifierSchema = z.preprocess(
  (node) => ({
    name:
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)['@name']
        : undefined,
    value: textOf(node),
  }),
  z.object({ name: z.string().trim().min(1, 'needs a name attribute'), value: z.string().trim() }),
);

const AdditionalServiceSchema = z.object({
  'AdditionalService.ServiceCode': required,
  'AdditionalService.Specifier': z.array(SpecifierSchema).optional(),
});

const ParcelSchema = z.object({
  'Parcel.Reference': optional,
  'Parcel.Packagetype': optional,
  'Parcel.Weight': decimal,
  'Parcel.Volume': decimal.optional(),
  'Parcel.Contents': optional,
  'Parcel.ReturnService': optional,
});

const ConsignmentSchema = z.object({
  'Consignment.Reference': optional,
  'Consignment.Product': required,
  'Consignment.AdditionalService': z.array(AdditionalServiceSchema).optional(),
  'Consignment.Parcel': z.array(ParcelSchema).optional(),
  'Consigment.Parcel': z.array(ParcelSchema).optional(),
});

/** `<eChannel><ROUTING/><Shipment/></eChannel>` of `/prinetti/create-shipment`. */
export const CreateShipmentDocumentSchema = z.object({
  eChannel: z.object({
    ROUTING: RoutingSchema,
    Shipment: z.preprocess(
      // Shipment.Consigment: the docs' table spells it so; the examples do not.
      (node) =>
        typeof node === 'object' && node !== null && 'Shipment.Consigment' in node
          ? {
              'Shipment.Consignment': (node as Record<string, unknown>)['Shipment.Consigment'],
              ...node,
            }
          : node,
      z.object({
        'Shipment.Sender': SenderSchema,
        'Shipment.Recipient': RecipientSchema,
        'Shipment.Consignment': ConsignmentSchema,
      }),
    ),
  }),
});
/** A checked create-shipment document. */
export type CreateShipmentDocument = z.infer<typeof CreateShipmentDocumentSchema>;

/** `<eChannel><ROUTING/><PrintLabel responseFormat><Reference/><TrackingCode/>*</PrintLabel></eChannel>`. */
export const PrintLabelDocumentSchema = z.object({
  eChannel: z.object({
    ROUTING: RoutingSchema,
    PrintLabel: z.object({
      '@responseFormat': z.string().optional(),
      Reference: optional,
      TrackingCode: z.array(text).optional(),
    }),
  }),
});

/** A failed check as Prinetti's `response.message`: the element and what is wrong with it. */
export function describeIssue(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'XML is invalid';
  const path = issue.path.filter((key): key is string => typeof key === 'string');
  const [parent, last] = path.slice(-2);
  const party = /^Shipment\.(Sender|Recipient)$/.exec(parent ?? '')?.[1];
  const elementName = party && last ? `${party}.${last}` : (path.at(-1) ?? 'document');
  const message =
    issue.code === 'invalid_type' && issue.message.includes('received undefined')
      ? 'is required'
      : issue.message;
  return `${elementName} ${message}`;
}

import { z } from 'zod';

/** The delivery options a store's checkout offers, each sent as one Posti product. */
export const DELIVERY_OPTIONS = ['home', 'pickup', 'express', 'small'] as const;
export type DeliveryOption = (typeof DELIVERY_OPTIONS)[number];

/** Posti's product (`shipping_method_code`) for each option unless the connection says otherwise. */
export const DEFAULT_PRODUCTS = {
  home: '2104', // Kotipaketti
  pickup: '2103', // Postipaketti (to a pickup point)
  express: '2102', // Express-paketti
  small: '2461', // Pikkupaketti
} as const satisfies Record<DeliveryOption, string>;

/** BigCommerce's Awaiting Fulfillment: the status that asks for a shipment by default. */
export const DEFAULT_SHIP_ON_STATUSES = [11];

const productCode = z.string().regex(/^\d{3,6}$/, 'a Posti shipping_method_code');
const line = (max: number) => z.string().trim().min(1).max(max);

/** Mod-97 check of an IBAN without spaces (ISO 13616). */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const IbanSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .refine(isValidIban, 'not a valid IBAN');

/** The merchant's dispatch address, printed as the sender on every label. */
export const PostiSenderSchema = z
  .object({
    name: line(100),
    name2: line(100).optional(),
    street: line(100),
    street2: line(100).optional(),
    postcode: z.string().trim().min(2).max(10),
    city: line(60),
    country: z
      .string()
      .trim()
      .length(2)
      .transform((value) => value.toUpperCase())
      .default('FI'),
    phone: z.string().trim().min(5).max(30),
    /** The business id (Y-tunnus, `1234567-8`), where the contract needs it. */
    vatcode: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type PostiSender = z.infer<typeof PostiSenderSchema>;

/**
 * Per-connection options, stored as JSON and parsed at every use. Everything has a default except
 * the sender address, which no default can guess.
 */
export const PostiSettingsSchema = z
  .object({
    sender: PostiSenderSchema,
    /** Posti product per delivery option; merged over `DEFAULT_PRODUCTS`. */
    products: z
      .object({
        home: productCode.default(DEFAULT_PRODUCTS.home),
        pickup: productCode.default(DEFAULT_PRODUCTS.pickup),
        express: productCode.default(DEFAULT_PRODUCTS.express),
        small: productCode.default(DEFAULT_PRODUCTS.small),
      })
      .strict()
      .prefault({}),
    /**
     * Orders whose shipping method is none of the store's Posti checkout services (its rate
     * rules): `skip` them (another carrier, collection in store), or `ship` them too, as the
     * pickup product when the order names a pickup point and the home product otherwise.
     */
    unmatchedMethods: z.enum(['skip', 'ship']).default('skip'),
    /** BigCommerce order status ids that ask for a shipment (default: Awaiting Fulfillment). */
    shipOnStatuses: z
      .array(z.number().int().min(0).max(100))
      .max(20)
      .default(() => [...DEFAULT_SHIP_ON_STATUSES]),
    packing: z
      .object({
        /** Posti's parcels take up to 30 kg; heavier destinations are split (or refused). */
        maxParcelWeightKg: z.number().positive().max(35).default(30),
        /** The parcel weight when the store has no weight for any of its lines. */
        defaultParcelWeightKg: z.number().positive().max(35).default(1),
        /** `Parcel.Volume`, which the order does not know: a shoebox-sized 0.01 m³ by default. */
        defaultParcelVolumeM3: z.number().positive().max(5).default(0.01),
        /**
         * Split a destination heavier than the maximum into several parcels (multipacket 3102). When
         * false, such a destination goes to review instead.
         */
        multiParcel: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    additionalServices: z
      .object({
        /** Electronic arrival notice (3139) by SMS or e-mail. */
        eNotice: z.boolean().default(true),
        /** Where cash-on-delivery money goes (3101); without it COD orders go to review. */
        cod: z
          .object({
            iban: IbanSchema,
            bic: z
              .string()
              .trim()
              .regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/i),
          })
          .strict()
          .optional(),
        /** Handle with care (3104) on every parcel. */
        fragile: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /**
     * The checkout field carrying the chosen pickup point id. Looked up on the destination's
     * shipping address fields first, then the order's (see `pickupPointIdFor`).
     */
    pickupPointField: z.string().trim().min(1).max(100).default('Pickup point'),
    /** Where Posti posts tracking events (additional service 9901); the hub fills it in. */
    callbackUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Language of shipping method names and descriptions. */
    language: z.enum(['FI', 'SE', 'EN']).default('EN'),
    /**
     * Prinetti's `responseFormat`. Only `File` (base64 PDF inside XML) is read: `inline` answers
     * raw PDF bytes, which the shared HTTP client (text/JSON bodies) does not keep intact.
     */
    labelFormat: z.enum(['File']).default('File'),
  })
  .strict();
export type PostiSettings = z.infer<typeof PostiSettingsSchema>;

/** The Posti product a delivery option ships with on this connection. */
export function productFor(
  settings: Pick<PostiSettings, 'products'>,
  option: DeliveryOption,
): string {
  return settings.products[option];
}

/** Whether an order in this store status should get a Posti shipment. */
export function shipsOnStatus(
  settings: Pick<PostiSettings, 'shipOnStatuses'>,
  storeStatusId: number,
): boolean {
  return settings.shipOnStatuses.includes(storeStatusId);
}

/**
 * The Posti products checkout rates are sold as (Pakettikauppa's `shipping_method_code`), and
 * what each one is delivered as. A service of another kind than its product's is refused when a
 * rule set is saved: a pickup service needs a pickup product, or the parcel is sent to a home
 * address the customer never gave.
 */
export const SERVICE_KINDS = ['home', 'pickup', 'express', 'small', 'flat'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
/** Kinds priced by weight bands; `flat` is a fixed price per currency. */
export const BAND_SERVICE_KINDS = ['home', 'pickup', 'express', 'small'] as const;
export type BandServiceKind = (typeof BAND_SERVICE_KINDS)[number];

export interface PostiProduct {
  name: string;
  kind: BandServiceKind;
  /** The customer chooses a pickup point (additional service 2106 carries it to the label). */
  pickupPoint: boolean;
}

export const POSTI_PRODUCTS = {
  '2103': { name: 'Postipaketti', kind: 'pickup', pickupPoint: true },
  '2104': { name: 'Kotipaketti', kind: 'home', pickupPoint: false },
  '2102': { name: 'Express-paketti', kind: 'express', pickupPoint: false },
  // Goes to the mailbox, or to the nearest pickup point when it does not fit: none is chosen.
  '2461': { name: 'Pikkupaketti', kind: 'small', pickupPoint: false },
} as const satisfies Record<string, PostiProduct>;
export type PostiProductCode = keyof typeof POSTI_PRODUCTS;

/** The service codes the admin suggests; any other code a merchant chooses is as good. */
export const POSTI_SERVICE_CODES = [
  'posti-home',
  'posti-pickup',
  'posti-express',
  'posti-small',
] as const;
export type ServiceCode = (typeof POSTI_SERVICE_CODES)[number] | (string & {});

/** The product a code names, when the table knows it. */
export function postiProduct(code: string): PostiProduct | undefined {
  return Object.hasOwn(POSTI_PRODUCTS, code) ? POSTI_PRODUCTS[code as PostiProductCode] : undefined;
}

/** Whether a product goes to a pickup point the customer chose (undefined: the table cannot tell). */
export const isPickupProduct = (code: string): boolean | undefined =>
  postiProduct(code)?.pickupPoint;

/**
 * Checkout rates: a store's rule set (zones, Posti services, prices), the cart a rate request
 * becomes, and the pure engine that quotes it. Unit and amount helpers stay inside.
 */
export {
  POSTI_PRODUCTS,
  POSTI_SERVICE_CODES,
  SERVICE_KINDS,
  BAND_SERVICE_KINDS,
  postiProduct,
  isPickupProduct,
  type PostiProduct,
  type PostiProductCode,
  type ServiceCode,
  type ServiceKind,
  type BandServiceKind,
} from './posti';
export {
  ADDRESS_TYPES,
  AddressTypeSchema,
  BandPricingSchema,
  BandServiceSchema,
  FlatPricingSchema,
  FlatServiceSchema,
  FreeAboveSchema,
  LOCALES,
  LocalizedNameSchema,
  MAX_PARCELS,
  RateServiceSchema,
  ServiceLimitsSchema,
  SurchargeSchema,
  WeightBandSchema,
  type AddressType,
  type BandPricing,
  type BandService,
  type FlatPricing,
  type FlatService,
  type FreeAbove,
  type Locale,
  type LocalizedText,
  type RateService,
  type ServiceLimits,
  type Surcharge,
  type WeightBand,
} from './service';
export {
  PackingRulesSchema,
  PostcodeRulesSchema,
  RateRuleSetSchema,
  RateZoneSchema,
  validateRateRuleSet,
  type PostcodeRules,
  type RateRuleSet,
  type RateRuleSetInput,
  type RateZone,
} from './rule-set';
export { type ValidationIssue } from './issues';
export {
  CartDestinationSchema,
  CartItemSchema,
  CartSchema,
  cartFromRateRequest,
  rateRequestStoreId,
  type Cart,
  type CartDestination,
  type CartItem,
  type RateRequestCart,
} from './cart';
export { normalizePostcode, selectZone } from './zones';
export { PACKING_EXCLUSIONS, packParcels, type PackingExclusion, type Parcel } from './packing';
export { PRICE_LINE_KINDS, type PriceLine, type PriceLineKind } from './pricing';
export { localeOf } from './localize';
export {
  type ExclusionReason,
  type Quote,
  type QuoteExplanation,
  type QuoteOptions,
  type ServiceExplanation,
} from './evaluate';
export { FALLBACK_MESSAGE, fallbackQuotes, quoteRates, type QuoteResult } from './quote';
export { explainQuote } from './dry-run';
export { serviceForShippingMethod, type ChosenService } from './chosen-service';

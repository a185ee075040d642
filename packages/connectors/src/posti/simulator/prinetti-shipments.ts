import { randomUUID } from 'node:crypto';
import { searchPickupPoints, findPickupPoint } from './pickup-points';
import type { CreateShipmentDocument, PrinettiParty } from './prinetti-schemas';
import type {
  AdditionalServiceRecord,
  CashOnDelivery,
  MerchantAccount,
  Party,
  ShipmentRecord,
} from './records';
import { PLATFORM_SERVICES, shippingMethod } from './shipping-methods';
import type { PostiSimState } from './state';
import type { TrackingCodes } from './tracking-codes';

/** What a create-shipment request came to: the shipment, or why Prinetti refuses it (status 230). */
export type CreateOutcome = { shipment: ShipmentRecord; repeated: boolean } | { invalid: string };

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

const partyOf = (fields: PrinettiParty): Party => ({
  name1: fields.Name1,
  name2: fields.Name2,
  addr1: fields.Addr1,
  addr2: fields.Addr2,
  addr3: fields.Addr3,
  postcode: fields.Postcode,
  city: fields.City,
  country: fields.Country,
  phone: fields.Phone,
  email: fields.Email,
  vatcode: fields.Vatcode,
});

const httpUrl = (text: string | undefined) => {
  try {
    const url = new URL(text ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Why a service's specifiers are refused, if they are. */
function serviceProblem(service: AdditionalServiceRecord): string | undefined {
  const { serviceCode, specifiers } = service;
  switch (serviceCode) {
    case '2106':
      if (!specifiers.pickup_point_id) return 'AdditionalService 2106 needs pickup_point_id';
      if (!findPickupPoint(specifiers.pickup_point_id)) {
        return `AdditionalService 2106: unknown pickup_point_id ${specifiers.pickup_point_id}`;
      }
      return undefined;
    case '3101':
      if (!/^\d+$/.test(specifiers.amount ?? '') || Number(specifiers.amount) <= 0) {
        return 'AdditionalService 3101 needs amount (in cents, a positive whole number)';
      }
      if (!IBAN.test((specifiers.account ?? '').replace(/\s/g, '').toUpperCase())) {
        return 'AdditionalService 3101 needs account (an IBAN)';
      }
      return undefined;
    case '3102':
      return specifiers.count === undefined || /^\d+$/.test(specifiers.count)
        ? undefined
        : 'AdditionalService 3102: count must be a whole number';
    case '9901':
      return httpUrl(specifiers.url) ? undefined : 'AdditionalService 9901 needs an http(s) url';
    default:
      return undefined;
  }
}

const cashOnDelivery = (services: AdditionalServiceRecord[]): CashOnDelivery | undefined => {
  const cod = services.find((service) => service.serviceCode === '3101')?.specifiers;
  return cod
    ? {
        amountCents: Number(cod.amount),
        account: (cod.account ?? '').replace(/\s/g, '').toUpperCase(),
        codbic: cod.codbic ?? '',
        reference: cod.reference ?? '',
      }
    : undefined;
};

/** Creates shipments from valid Prinetti documents, checking what the schema cannot. */
export class PrinettiShipments {
  constructor(
    private readonly state: PostiSimState,
    private readonly codes: TrackingCodes,
    private readonly now: () => number,
  ) {}

  /** The shipment an earlier request with this Routing.Id created, when repeats are idempotent. */
  repeated(account: MerchantAccount, routingId: string): ShipmentRecord | undefined {
    if (!this.state.settings.idempotentRoutingIds) return undefined;
    return this.state.shipmentByRoutingId(account.apiKey, routingId);
  }

  create(account: MerchantAccount, document: CreateShipmentDocument): CreateOutcome {
    const { ROUTING: routing, Shipment: shipment } = document.eChannel;
    const consignment = shipment['Shipment.Consignment'];
    const product = shippingMethod(consignment['Consignment.Product']);
    if (!product) {
      return {
        invalid: `Consignment.Product ${consignment['Consignment.Product']} is not a known product`,
      };
    }
    const recipient = partyOf(shipment['Shipment.Recipient']);
    if (!product.supportedCountries.includes(recipient.country)) {
      return { invalid: `Product ${product.code} does not deliver to ${recipient.country}` };
    }
    const parcels = [
      ...(consignment['Consignment.Parcel'] ?? []),
      ...(consignment['Consigment.Parcel'] ?? []),
    ];
    if (parcels.length === 0) return { invalid: 'Consignment.Parcel is required (at least one)' };
    if (parcels.some((parcel) => parcel['Parcel.Weight'] <= 0)) {
      return { invalid: 'Parcel.Weight must be more than 0' };
    }
    const services = (consignment['Consignment.AdditionalService'] ?? []).map(
      (service): AdditionalServiceRecord => ({
        serviceCode: service['AdditionalService.ServiceCode'],
        specifiers: Object.fromEntries(
          (service['AdditionalService.Specifier'] ?? []).map(({ name, value }) => [name, value]),
        ),
      }),
    );
    for (const service of services) {
      const offered =
        PLATFORM_SERVICES.has(service.serviceCode) ||
        product.services.some((code) => code === service.serviceCode);
      if (!offered) {
        return {
          invalid: `AdditionalService ${service.serviceCode} is not available for product ${product.code}`,
        };
      }
      const problem = serviceProblem(service);
      if (problem) return { invalid: problem };
    }
    const serviceOf = (code: string) => services.find((service) => service.serviceCode === code);
    const withLabelCode = serviceOf('9902') !== undefined;
    const record: ShipmentRecord = {
      uuid: randomUUID(),
      reference: consignment['Consignment.Reference'] || routing['Routing.Id'],
      apiKey: account.apiKey,
      routingIds: [routing['Routing.Id']],
      routingName: routing['Routing.Name'],
      product: product.code,
      sender: partyOf(shipment['Shipment.Sender']),
      recipient,
      additionalServices: services,
      callbackUrl: serviceOf('9901')?.specifiers.url,
      // Postipaketti without a chosen point goes to the one nearest the recipient, as Posti does.
      pickupPointId:
        serviceOf('2106')?.specifiers.pickup_point_id ??
        (product.hasPickupPoints
          ? searchPickupPoints({
              postcode: recipient.postcode,
              country: 'FI',
              providers: [],
              limit: 1,
            })[0]?.id
          : undefined),
      cashOnDelivery: cashOnDelivery(services),
      parcels: parcels.map((parcel) => ({
        uuid: randomUUID(),
        trackingCode: this.codes.issue(account.apiKey),
        labelCode: withLabelCode ? this.codes.labelCode() : undefined,
        packageType: parcel['Parcel.Packagetype'] || 'PC',
        weightKg: parcel['Parcel.Weight'],
        volumeM3: parcel['Parcel.Volume'],
        contents: parcel['Parcel.Contents'],
        reference: parcel['Parcel.Reference'],
        events: [],
      })),
      createdAt: this.now(),
      cancelledAt: undefined,
    };
    this.state.addShipment(record);
    return { shipment: record, repeated: false };
  }
}

import {
  additionalServiceJson,
  type AdditionalServiceCode,
  type AdditionalServiceJson,
} from './additional-services';
import type { Language, Localized } from './languages';

/** One Posti product (shipping method) the simulator sells. */
export interface ShippingMethod {
  code: string;
  name: Localized;
  description: Localized;
  supportedCountries: string[];
  hasPickupPoints: boolean;
  homeDelivery: boolean;
  /** The services Prinetti accepts with this product; 9901 and 9902 are always accepted too. */
  services: AdditionalServiceCode[];
}

const DOMESTIC = ['FI', 'AX'];

/** The Posti products, in `/shipping-methods/list` order (by Finnish name, as the API sorts). */
export const SHIPPING_METHODS: readonly ShippingMethod[] = [
  {
    code: '2102',
    name: { FI: 'Express-paketti', SE: 'Expresspaket', EN: 'Express Parcel' },
    description: {
      FI: 'Kotiinkuljetus seuraavana arkipäivänä klo 12 mennessä',
      SE: 'Hemleverans följande vardag före kl. 12',
      EN: 'Home delivery by noon the next working day',
    },
    supportedCountries: DOMESTIC,
    hasPickupPoints: false,
    homeDelivery: true,
    services: ['3101', '3102', '3104', '3139', '9901', '9902'],
  },
  {
    code: '2104',
    name: { FI: 'Kotipaketti', SE: 'Hempaket', EN: 'Home Parcel' },
    description: {
      FI: 'Toimitus vastaanottajan kotiovelle',
      SE: 'Leverans till mottagarens dörr',
      EN: 'Delivered to the recipient’s door',
    },
    supportedCountries: DOMESTIC,
    hasPickupPoints: false,
    homeDelivery: true,
    services: ['3101', '3102', '3104', '3139', '3143', '3174', '9901', '9902'],
  },
  {
    code: '2108',
    name: { FI: 'Palautus', SE: 'Retur', EN: 'Return' },
    description: {
      FI: 'Palautuslähetys verkkokaupalle',
      SE: 'Returförsändelse till nätbutiken',
      EN: 'Return shipment to the web shop',
    },
    supportedCountries: DOMESTIC,
    hasPickupPoints: false,
    homeDelivery: false,
    services: ['3143', '9901', '9902'],
  },
  {
    code: '2461',
    name: { FI: 'Pikkupaketti', SE: 'Småpaket', EN: 'Small Parcel' },
    description: {
      FI: 'Pienet lähetykset postilaatikkoon tai noutopisteeseen',
      SE: 'Små försändelser till postlådan eller utlämningsstället',
      EN: 'Small items to the mailbox or a pickup point',
    },
    supportedCountries: DOMESTIC,
    hasPickupPoints: false,
    homeDelivery: true,
    services: ['3139', '9901', '9902'],
  },
  {
    code: '2103',
    name: { FI: 'Postipaketti', SE: 'Postpaket', EN: 'Postal Parcel' },
    description: {
      FI: 'Nouto valitusta noutopisteestä tai pakettiautomaatista',
      SE: 'Avhämtning på valt utlämningsställe eller paketautomat',
      EN: 'Collected at a chosen pickup point or parcel locker',
    },
    supportedCountries: DOMESTIC,
    hasPickupPoints: true,
    homeDelivery: false,
    services: [
      '2106',
      '3101',
      '3102',
      '3104',
      '3139',
      '3143',
      '3163',
      '3165',
      '3174',
      '9901',
      '9902',
    ],
  },
];

/** Services Pakettikauppa itself provides for every product (callback URL, label code). */
export const PLATFORM_SERVICES: ReadonlySet<string> = new Set(['9901', '9902']);

/** The product with `code`, if the simulator sells it. */
export function shippingMethod(code: string): ShippingMethod | undefined {
  return SHIPPING_METHODS.find((method) => method.code === code.trim());
}

/** A product as `/shipping-methods/list` and `/shipping-methods/get` answer it. */
export interface ShippingMethodJson {
  name: string;
  shipping_method_code: number;
  description: string;
  service_provider: 'Posti';
  supported_countries: string[];
  has_pickup_points: boolean;
  home_delivery: boolean;
  additional_services: AdditionalServiceJson[];
  icon: string;
}

/** The product in `language`, its icon served by the simulator at `iconUrl`. */
export function shippingMethodJson(
  method: ShippingMethod,
  language: Language,
  iconUrl: string,
): ShippingMethodJson {
  return {
    name: method.name[language],
    shipping_method_code: Number(method.code),
    description: method.description[language],
    service_provider: 'Posti',
    supported_countries: [...method.supportedCountries],
    has_pickup_points: method.hasPickupPoints,
    home_delivery: method.homeDelivery,
    additional_services: method.services.map((code) => additionalServiceJson(code, language)),
    icon: iconUrl,
  };
}

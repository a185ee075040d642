import { TRACKING_STATUSES, type TrackingStatus } from '@shiplink/domain';
import { PermanentError, RetryableError } from '@shiplink/errors';
import type { CommercetoolsClient, UpdateAction } from './client';
import { COMMERCETOOLS_PROVIDER } from './profile';
import type { CommercetoolsType, LocalizedString } from './schemas';

/** The parcel fields the hub writes, by name. */
export const PARCEL_FIELDS = {
  status: 'shiplinkStatus',
  subStatus: 'shiplinkSubStatus',
  lastEvent: 'shiplinkLastEvent',
  lastEventAt: 'shiplinkLastEventAt',
  estimatedDelivery: 'shiplinkEstimatedDelivery',
  trackingUrl: 'shiplinkTrackingUrl',
} as const;

/** Status words people read in the Merchant Center, in the languages the hub speaks. */
const STATUS_LABELS: Record<TrackingStatus, LocalizedString> = {
  pending: { en: 'Pending', de: 'Ausstehend', fi: 'Odottaa', sv: 'Väntar' },
  info_received: {
    en: 'Label created',
    de: 'Sendungsdaten erhalten',
    fi: 'Tiedot vastaanotettu',
    sv: 'Information mottagen',
  },
  picked_up: { en: 'Picked up', de: 'Abgeholt', fi: 'Noudettu', sv: 'Upphämtad' },
  in_transit: { en: 'In transit', de: 'Unterwegs', fi: 'Kuljetuksessa', sv: 'Under transport' },
  delayed: { en: 'Delayed', de: 'Verspätet', fi: 'Viivästynyt', sv: 'Försenad' },
  on_hold: { en: 'On hold', de: 'Angehalten', fi: 'Pidätetty', sv: 'Pausad' },
  out_for_delivery: {
    en: 'Out for delivery',
    de: 'In Zustellung',
    fi: 'Jakelussa',
    sv: 'Ute för leverans',
  },
  available_for_pickup: {
    en: 'Ready for pickup',
    de: 'Abholbereit',
    fi: 'Noudettavissa',
    sv: 'Redo att hämtas',
  },
  attempt_failed: {
    en: 'Delivery attempt failed',
    de: 'Zustellversuch fehlgeschlagen',
    fi: 'Jakeluyritys epäonnistui',
    sv: 'Leveransförsök misslyckades',
  },
  exception: { en: 'Exception', de: 'Problem', fi: 'Poikkeama', sv: 'Avvikelse' },
  delivered: { en: 'Delivered', de: 'Zugestellt', fi: 'Toimitettu', sv: 'Levererad' },
  return_to_sender: {
    en: 'Returning to sender',
    de: 'Rücksendung an Absender',
    fi: 'Palautumassa lähettäjälle',
    sv: 'Returneras till avsändaren',
  },
  returned: {
    en: 'Returned to sender',
    de: 'An Absender zurückgesandt',
    fi: 'Palautettu lähettäjälle',
    sv: 'Returnerad till avsändaren',
  },
  failed: {
    en: 'Delivery failed',
    de: 'Zustellung gescheitert',
    fi: 'Toimitus epäonnistui',
    sv: 'Leverans misslyckades',
  },
  cancelled: { en: 'Cancelled', de: 'Storniert', fi: 'Peruttu', sv: 'Avbruten' },
  expired: { en: 'No news', de: 'Keine Neuigkeiten', fi: 'Ei uusia tietoja', sv: 'Inga nyheter' },
  tracking_error: {
    en: 'Tracking error',
    de: 'Sendungsverfolgungsfehler',
    fi: 'Seurantavirhe',
    sv: 'Spårningsfel',
  },
  unknown: { en: 'Unknown', de: 'Unbekannt', fi: 'Tuntematon', sv: 'Okänd' },
};

const STATUS_VALUES = TRACKING_STATUSES.map((key) => ({ key, label: STATUS_LABELS[key] }));

interface FieldSpec {
  name: string;
  label: LocalizedString;
  type: Record<string, unknown> & { name: string };
  inputHint?: 'SingleLine' | 'MultiLine';
}

/** The hub's parcel fields, in order, with localized labels. */
export const PARCEL_FIELD_DEFINITIONS: readonly FieldSpec[] = [
  {
    name: PARCEL_FIELDS.status,
    label: {
      en: 'Tracking status',
      de: 'Sendungsstatus',
      fi: 'Seurannan tila',
      sv: 'Spårningsstatus',
    },
    type: {
      name: 'LocalizedEnum',
      values: STATUS_VALUES,
    },
  },
  {
    name: PARCEL_FIELDS.subStatus,
    label: { en: 'Tracking detail', de: 'Statusdetail', fi: 'Tilan tarkenne', sv: 'Statusdetalj' },
    type: { name: 'String' },
    inputHint: 'SingleLine',
  },
  {
    name: PARCEL_FIELDS.lastEvent,
    label: {
      en: 'Last event',
      de: 'Letztes Ereignis',
      fi: 'Viimeisin tapahtuma',
      sv: 'Senaste händelse',
    },
    type: { name: 'String' },
    inputHint: 'MultiLine',
  },
  {
    name: PARCEL_FIELDS.lastEventAt,
    label: {
      en: 'Last event at',
      de: 'Letztes Ereignis am',
      fi: 'Viimeisin tapahtuma-aika',
      sv: 'Senaste händelse den',
    },
    type: { name: 'DateTime' },
  },
  {
    name: PARCEL_FIELDS.estimatedDelivery,
    label: {
      en: 'Estimated delivery',
      de: 'Voraussichtliche Zustellung',
      fi: 'Arvioitu toimitus',
      sv: 'Beräknad leverans',
    },
    type: { name: 'Date' },
  },
  {
    name: PARCEL_FIELDS.trackingUrl,
    label: {
      en: 'Tracking link',
      de: 'Sendungsverfolgung',
      fi: 'Seurantalinkki',
      sv: 'Spårningslänk',
    },
    type: { name: 'String' },
    inputHint: 'SingleLine',
  },
];

/** The Type the hub creates for its parcel fields. */
export function parcelTypeDraft(key: string) {
  return {
    key,
    name: {
      en: 'Shiplink parcel tracking',
      de: 'Shiplink Sendungsverfolgung',
      fi: 'Shiplink-lähetysseuranta',
      sv: 'Shiplink paketspårning',
    },
    description: {
      en: 'Tracking status of the parcel, written by Shiplink from the tracking provider',
    },
    resourceTypeIds: ['order-parcel'],
    fieldDefinitions: PARCEL_FIELD_DEFINITIONS.map((field) => ({
      name: field.name,
      label: field.label,
      required: false,
      type: field.type,
      ...(field.inputHint ? { inputHint: field.inputHint } : {}),
    })),
  };
}

const enumKeys = (type: Record<string, unknown>): string[] =>
  Array.isArray(type.values)
    ? type.values.flatMap((value: unknown) =>
        value && typeof value === 'object' && typeof (value as { key?: unknown }).key === 'string'
          ? [(value as { key: string }).key]
          : [],
      )
    : [];

const sameLabel = (a: LocalizedString, b: LocalizedString) =>
  Object.keys(b).every((language) => a[language] === b[language]);

/** What an existing Type lacks of ours: missing fields, enum values and label languages. */
export function parcelTypeUpdates(existing: CommercetoolsType): UpdateAction[] {
  const actions: UpdateAction[] = [];
  const draft = parcelTypeDraft(existing.key);
  if (!existing.resourceTypeIds.includes('order-parcel')) return actions;
  for (const field of draft.fieldDefinitions) {
    const found = existing.fieldDefinitions.find((definition) => definition.name === field.name);
    if (!found) {
      actions.push({ action: 'addFieldDefinition', fieldDefinition: field });
      continue;
    }
    if (!sameLabel(found.label, field.label)) {
      actions.push({ action: 'changeLabel', fieldName: field.name, label: field.label });
    }
    if (field.type.name === 'LocalizedEnum') {
      const present = enumKeys(found.type);
      for (const value of STATUS_VALUES.filter((entry) => !present.includes(entry.key))) {
        actions.push({ action: 'addLocalizedEnumValue', fieldName: field.name, value });
      }
    }
  }
  return actions;
}

/**
 * Creates the parcel Type, or brings an existing one up to date (new fields, statuses, labels),
 * so setting a connection up twice changes nothing the second time. A Type with our key that is
 * not for parcels is a configuration problem, refused with its reason.
 */
export async function ensureParcelType(
  client: CommercetoolsClient,
  key: string,
): Promise<{ type: CommercetoolsType; created: boolean; updated: number }> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const existing = await client.typeByKey(key);
    if (!existing) {
      return { type: await client.createType(parcelTypeDraft(key)), created: true, updated: 0 };
    }
    if (!existing.resourceTypeIds.includes('order-parcel')) {
      throw new PermanentError(
        `commercetools Type ${key} exists but is not for parcels (order-parcel): choose another parcelTypeKey`,
        { provider: COMMERCETOOLS_PROVIDER, reason: `${COMMERCETOOLS_PROVIDER}.parcel_type_taken` },
      );
    }
    const actions = parcelTypeUpdates(existing);
    if (actions.length === 0) return { type: existing, created: false, updated: 0 };
    const updated = await client.updateType(key, existing.version, actions);
    if (updated) return { type: updated, created: false, updated: actions.length };
  }
  throw new RetryableError(`commercetools Type ${key} kept changing while it was updated`, {
    provider: COMMERCETOOLS_PROVIDER,
    reason: `${COMMERCETOOLS_PROVIDER}.ConcurrentModification`,
  });
}

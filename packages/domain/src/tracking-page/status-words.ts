import type { TrackingStatus } from '../tracking/status';
import type { PageLanguage } from './settings';

/**
 * What a customer reads for each canonical status, in each of the page's languages: the tracking
 * page and the tracking e-mails say the same thing.
 */
export const STATUS_WORDS: Readonly<
  Record<PageLanguage, Readonly<Record<TrackingStatus, string>>>
> = {
  en: {
    pending: 'Waiting for an update',
    info_received: 'Getting ready to ship',
    picked_up: 'Handed to the carrier',
    in_transit: 'On its way',
    delayed: 'Running late',
    on_hold: 'On hold',
    out_for_delivery: 'Out for delivery',
    available_for_pickup: 'Ready for pickup',
    attempt_failed: 'Delivery attempt missed',
    exception: 'Delivery problem',
    delivered: 'Delivered',
    return_to_sender: 'On its way back to the store',
    returned: 'Returned to the store',
    failed: 'Could not be delivered',
    cancelled: 'Cancelled',
    expired: 'No recent updates',
    tracking_error: 'Tracking not available',
    unknown: 'No information yet',
  },
  fi: {
    pending: 'Odottaa tietoja',
    info_received: 'Valmistellaan lähetettäväksi',
    picked_up: 'Luovutettu kuljetukseen',
    in_transit: 'Matkalla',
    delayed: 'Myöhässä',
    on_hold: 'Odotustilassa',
    out_for_delivery: 'Jakelussa',
    available_for_pickup: 'Noudettavissa',
    attempt_failed: 'Toimitusyritys epäonnistui',
    exception: 'Toimituksessa on ongelma',
    delivered: 'Toimitettu',
    return_to_sender: 'Palautumassa kauppaan',
    returned: 'Palautettu kauppaan',
    failed: 'Toimitus epäonnistui',
    cancelled: 'Peruttu',
    expired: 'Ei uusia tietoja',
    tracking_error: 'Seuranta ei ole saatavilla',
    unknown: 'Ei vielä tietoja',
  },
  sv: {
    pending: 'Väntar på uppdatering',
    info_received: 'Förbereds för att skickas',
    picked_up: 'Lämnat till transportören',
    in_transit: 'På väg',
    delayed: 'Försenat',
    on_hold: 'Tillfälligt stoppat',
    out_for_delivery: 'Ute för leverans',
    available_for_pickup: 'Klar att hämta',
    attempt_failed: 'Leveransförsöket misslyckades',
    exception: 'Problem med leveransen',
    delivered: 'Levererat',
    return_to_sender: 'På väg tillbaka till butiken',
    returned: 'Returnerat till butiken',
    failed: 'Kunde inte levereras',
    cancelled: 'Avbrutet',
    expired: 'Inga nya uppdateringar',
    tracking_error: 'Spårning är inte tillgänglig',
    unknown: 'Ingen information än',
  },
  de: {
    pending: 'Warten auf Neuigkeiten',
    info_received: 'Versand wird vorbereitet',
    picked_up: 'An den Versanddienst übergeben',
    in_transit: 'Unterwegs',
    delayed: 'Verspätet',
    on_hold: 'Angehalten',
    out_for_delivery: 'In Zustellung',
    available_for_pickup: 'Zur Abholung bereit',
    attempt_failed: 'Zustellversuch erfolglos',
    exception: 'Problem bei der Zustellung',
    delivered: 'Zugestellt',
    return_to_sender: 'Auf dem Rückweg zum Shop',
    returned: 'An den Shop zurückgegangen',
    failed: 'Konnte nicht zugestellt werden',
    cancelled: 'Storniert',
    expired: 'Keine neuen Informationen',
    tracking_error: 'Sendungsverfolgung nicht verfügbar',
    unknown: 'Noch keine Informationen',
  },
};

/** The words for `status`; a value that is not a status (a template passed something else) reads as unknown. */
export function statusWords(status: unknown, language: PageLanguage): string {
  const words = STATUS_WORDS[language];
  return typeof status === 'string' && Object.hasOwn(words, status)
    ? words[status as TrackingStatus]
    : words.unknown;
}

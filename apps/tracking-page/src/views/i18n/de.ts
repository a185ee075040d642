import { STATUS_WORDS } from '@shiplink/domain';
import type { Messages } from './messages';

export const de: Messages = {
  languageName: 'Deutsch',
  languageNav: 'Sprache',
  skipToContent: 'Zum Inhalt springen',
  errorTitlePrefix: 'Fehler: ',

  orderHeading: (orderNumber) => `Bestellung ${orderNumber}`,
  parcelOnlyHeading: 'Ihr Paket',
  parcelHeading: (index, total) => (total > 1 ? `Paket ${index} von ${total}` : 'Paket'),
  noParcelsYet:
    'Ihre Bestellung wurde noch nicht versandt. Hier erscheint jedes Paket, sobald es unterwegs ist.',
  carrier: 'Versanddienst',
  trackingNumber: 'Sendungsnummer',
  estimatedDelivery: 'Voraussichtliche Zustellung',
  carrierPageLink: (carrierName) => `Sendung bei ${carrierName} verfolgen`,
  status: STATUS_WORDS.de,
  statusNote: {
    delayed: 'Ihr Paket braucht länger als erwartet, ist aber weiterhin unterwegs.',
    on_hold:
      'Der Versanddienst hält Ihr Paket vorübergehend zurück. Es geht weiter, sobald das geklärt ist.',
    available_for_pickup:
      'Ihr Paket liegt an der Abholstelle bereit. Bringen Sie einen Ausweis mit und holen Sie es vor Ablauf der Lagerfrist ab.',
    attempt_failed:
      'Der Versanddienst hat versucht, Ihr Paket zuzustellen, leider ohne Erfolg. Folgen Sie seinen Hinweisen, um eine neue Zustellung oder die Abholung zu vereinbaren.',
    exception:
      'Bei der Zustellung ist etwas dazwischengekommen. Der Versanddienst kümmert sich darum; bei Fragen wenden Sie sich an den Shop.',
    return_to_sender:
      'Ihr Paket wird an den Shop zurückgeschickt. Wenden Sie sich an den Shop für eine neue Zustellung oder eine Erstattung.',
    returned:
      'Ihr Paket ist an den Shop zurückgegangen. Wenden Sie sich an den Shop für eine neue Zustellung oder eine Erstattung.',
    failed:
      'Der Versanddienst konnte dieses Paket nicht zustellen. Bitte wenden Sie sich an den Shop, damit er sich darum kümmert.',
    cancelled:
      'Diese Sendung wurde storniert. Wenden Sie sich an den Shop, falls das unerwartet ist.',
    expired:
      'Der Versanddienst hat seit einiger Zeit keine Neuigkeiten gemeldet. Wenden Sie sich an den Shop, falls Ihr Paket nicht angekommen ist.',
    tracking_error:
      'Die Sendungsverfolgung für dieses Paket ist gerade nicht verfügbar. Bei Fragen wenden Sie sich an den Shop.',
  },
  progressLabel: 'Zustellfortschritt',
  progressStep: {
    ordered: 'Bestellt',
    shipped: 'Versandt',
    onItsWay: 'Unterwegs',
    outForDelivery: 'In Zustellung',
    delivered: 'Zugestellt',
  },
  progressPosition: (step, total) => `Schritt ${step} von ${total}`,
  stepDone: 'erledigt',
  itemsInParcel: 'Artikel in diesem Paket',
  history: 'Sendungsverlauf',
  noEvents: 'Noch keine Meldungen vom Versanddienst.',
  stillBeingPrepared: 'Noch in Vorbereitung',
  stillBeingPreparedIntro: 'Diese Artikel sind noch in keinem Paket. Sie werden separat versandt.',
  lookUpAnother: 'Andere Bestellung suchen',

  lookupHeading: 'Bestellung verfolgen',
  lookupIntro:
    'Geben Sie Ihre Bestellnummer und die E-Mail-Adresse oder Postleitzahl ein, mit der Sie bestellt haben. Sie können auch ein einzelnes Paket über seine Sendungsnummer verfolgen.',
  orderFormHeading: 'Bestellung finden',
  orderNumberLabel: 'Bestellnummer',
  orderNumberHint: 'Sie finden sie in Ihrer Bestellbestätigung.',
  contactLabel: 'E-Mail oder Postleitzahl',
  contactHint: 'Die E-Mail-Adresse Ihrer Bestellung oder die Postleitzahl der Lieferadresse.',
  findOrder: 'Bestellung finden',
  trackingFormHeading: 'Mit Sendungsnummer verfolgen',
  trackingNumberHint: 'Sie steht in Ihrer Versandbestätigung.',
  trackParcel: 'Paket verfolgen',
  problemHeading: 'Es ist ein Problem aufgetreten',
  problem: {
    not_found:
      'Wir konnten keine Bestellung mit diesen Angaben finden. Bitte prüfen Sie sie und versuchen Sie es erneut.',
    rate_limited: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
    invalid:
      'Geben Sie Ihre Bestellnummer zusammen mit E-Mail-Adresse oder Postleitzahl ein, oder eine Sendungsnummer.',
  },

  unsubscribe: {
    heading: 'Keine Sendungs-E-Mails mehr?',
    body: 'Sie erhalten von {store} keine E-Mails mehr zu Ihren Paketen. Bestellbestätigungen und Belege sind nicht betroffen.',
    button: 'Abmelden',
    doneHeading: 'Sie sind abgemeldet',
    doneBody:
      '{store} schickt Ihnen keine Sendungs-E-Mails mehr. Ihre Pakete können Sie weiterhin auf dieser Seite verfolgen.',
  },
  error: {
    not_found: {
      heading: 'Bestellung nicht gefunden',
      body: 'Wir konnten keine Bestellung mit diesen Angaben finden. Prüfen Sie den Link in Ihrer E-Mail oder suchen Sie die Bestellung über die Bestellnummer.',
    },
    gone: {
      heading: 'Dieser Link ist nicht mehr gültig',
      body: 'Der Link zur Sendungsverfolgung ist abgelaufen oder wurde zurückgezogen. Sie können Ihre Bestellung weiterhin über die Bestellnummer suchen.',
    },
    rate_limited: {
      heading: 'Zu viele Versuche',
      body: 'Sie haben in kurzer Zeit viele Anfragen gestellt. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
    },
  },
  lookUpOrder: 'Bestellung suchen',

  supportHeading: 'Brauchen Sie Hilfe?',
  supportIntro: (storeName) => `Wenden Sie sich an den Kundenservice von ${storeName}.`,
  supportEmail: 'E-Mail',
  supportPhone: 'Telefon',
  supportWebsite: 'Hilfe und Kontakt',
};

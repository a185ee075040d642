import { STATUS_WORDS } from '@shiplink/domain';
import type { Messages } from './messages';

export const sv: Messages = {
  languageName: 'Svenska',
  languageNav: 'Språk',
  skipToContent: 'Hoppa till innehållet',
  errorTitlePrefix: 'Fel: ',

  orderHeading: (orderNumber) => `Beställning ${orderNumber}`,
  parcelOnlyHeading: 'Ditt paket',
  parcelHeading: (index, total) => (total > 1 ? `Paket ${index} av ${total}` : 'Paket'),
  noParcelsYet:
    'Din beställning har inte skickats än. Här visas varje paket så snart det är på väg.',
  carrier: 'Transportör',
  trackingNumber: 'Spårningsnummer',
  estimatedDelivery: 'Beräknad leverans',
  carrierPageLink: (carrierName) => `Spåra hos ${carrierName}`,
  status: STATUS_WORDS.sv,
  statusNote: {
    delayed: 'Ditt paket tar längre tid än väntat, men det är fortfarande på väg.',
    on_hold:
      'Transportören håller kvar ditt paket för tillfället. Det skickas vidare när det är klart.',
    available_for_pickup:
      'Ditt paket väntar på utlämningsstället. Ta med legitimation och hämta det innan liggetiden går ut.',
    attempt_failed:
      'Transportören försökte leverera ditt paket men lyckades inte. Följ transportörens anvisningar för att boka en ny leverans eller hämta paketet.',
    exception:
      'Något har försenat leveransen. Transportören arbetar på det; kontakta butiken om du har frågor.',
    return_to_sender:
      'Ditt paket skickas tillbaka till butiken. Kontakta butiken för en ny leverans eller återbetalning.',
    returned:
      'Ditt paket har returnerats till butiken. Kontakta butiken för en ny leverans eller återbetalning.',
    failed: 'Transportören kunde inte leverera paketet. Kontakta butiken så löser de det.',
    cancelled: 'Den här försändelsen har avbrutits. Kontakta butiken om det är oväntat.',
    expired:
      'Transportören har inte skickat några nyheter på ett tag. Kontakta butiken om paketet inte har kommit fram.',
    tracking_error:
      'Vi kan inte visa spårning för det här paketet just nu. Kontakta butiken om du har frågor.',
  },
  progressLabel: 'Leveransens förlopp',
  progressStep: {
    ordered: 'Beställt',
    shipped: 'Skickat',
    onItsWay: 'På väg',
    outForDelivery: 'Ute för leverans',
    delivered: 'Levererat',
  },
  progressPosition: (step, total) => `Steg ${step} av ${total}`,
  stepDone: 'klart',
  itemsInParcel: 'Varor i det här paketet',
  history: 'Spårningshistorik',
  noEvents: 'Inga uppdateringar från transportören än.',
  stillBeingPrepared: 'Förbereds fortfarande',
  stillBeingPreparedIntro: 'De här varorna ligger inte i något paket än. De skickas separat.',
  lookUpAnother: 'Sök en annan beställning',

  lookupHeading: 'Spåra din beställning',
  lookupIntro:
    'Ange ditt ordernummer och den e-postadress eller det postnummer du beställde med. Du kan också spåra ett enskilt paket med dess spårningsnummer.',
  orderFormHeading: 'Hitta din beställning',
  orderNumberLabel: 'Ordernummer',
  orderNumberHint: 'Du hittar det i orderbekräftelsen.',
  contactLabel: 'E-post eller postnummer',
  contactHint: 'E-postadressen du beställde med, eller leveransadressens postnummer.',
  findOrder: 'Hitta min beställning',
  trackingFormHeading: 'Spåra med spårningsnummer',
  trackingNumberHint: 'Det finns i leveransbekräftelsen.',
  trackParcel: 'Spåra paket',
  problemHeading: 'Något gick fel',
  problem: {
    not_found:
      'Vi kunde inte hitta någon beställning med de här uppgifterna. Kontrollera dem och försök igen.',
    rate_limited: 'För många försök. Vänta några minuter och försök igen.',
    invalid:
      'Ange ditt ordernummer tillsammans med e-postadress eller postnummer, eller ange ett spårningsnummer.',
  },

  unsubscribe: {
    heading: 'Sluta få spårningsmejl?',
    body: 'Du får inga fler mejl om dina paket från {store}. Orderbekräftelser och kvitton påverkas inte.',
    button: 'Avsluta prenumerationen',
    doneHeading: 'Du har avslutat prenumerationen',
    doneBody:
      '{store} skickar inga fler spårningsmejl. Du kan fortfarande följa dina paket på den här sidan.',
  },
  error: {
    not_found: {
      heading: 'Beställningen hittades inte',
      body: 'Vi kunde inte hitta någon beställning med de här uppgifterna. Kontrollera länken i ditt e-postmeddelande eller sök beställningen med ordernumret.',
    },
    gone: {
      heading: 'Länken gäller inte längre',
      body: 'Spårningslänken har gått ut eller dragits tillbaka. Du kan fortfarande söka din beställning med ordernumret.',
    },
    rate_limited: {
      heading: 'För många försök',
      body: 'Du har gjort många förfrågningar på kort tid. Vänta några minuter och försök igen.',
    },
  },
  lookUpOrder: 'Sök din beställning',

  supportHeading: 'Behöver du hjälp?',
  supportIntro: (storeName) => `Kontakta kundtjänsten hos ${storeName}.`,
  supportEmail: 'E-post',
  supportPhone: 'Telefon',
  supportWebsite: 'Hjälp och kontakt',
};

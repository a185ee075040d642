import type { LanguageCopy } from './copy';

// Where to reach the store, when it has said: e-mail first, the phone otherwise.
const SUPPORT =
  '{{#if store.supportEmail}} ({{store.supportEmail}}){{else if store.supportPhone}} ({{store.supportPhone}}){{/if}}';

// Store and carrier names are never inflected (kaupasta X, X toimittaa), which Finnish would
// otherwise need for every name; the sentences are built around them. SMS stays in GSM-7.
export const fi: LanguageCopy = {
  greeting: 'Hei{{#if customer.name}} {{customer.name}}{{/if}},',
  labels: {
    estimatedDelivery: 'Arvioitu toimitus',
    status: 'Tila',
    carrier: 'Kuljetusyhtiö',
    trackingNumber: 'Seurantanumero',
    latestUpdate: 'Viimeisin tapahtuma',
    items: 'Paketin sisältö',
  },
  track: 'Seuraa pakettiasi',
  thanks: 'Kiitos ostoksistasi!',
  triggers: {
    shipped: {
      subject: 'Tilauksesi {{order.number}} on matkalla',
      heading: 'Tilauksesi on matkalla',
      intro:
        'Hyviä uutisia! Tilauksesi {{order.number}} on lähetetty, ja sen kuljettaa {{parcel.carrierName}}.',
      sms: '{{store.name}}: tilauksesi {{order.number}} on matkalla ({{parcel.carrierName}}). Seuraa: {{links.trackingPage}}',
    },
    out_for_delivery: {
      subject: 'Tilauksesi {{order.number}} on jakelussa tänään',
      heading: 'Pakettisi saapuu tänään',
      intro:
        'Tilauksesi {{order.number}} on jakelussa, ja {{parcel.carrierName}} toimittaa sen sinulle tänään.',
      advice: 'Pidäthän puhelimen lähellä siltä varalta, että kuljettaja yrittää tavoittaa sinut.',
      sms: '{{store.name}}: tilauksesi {{order.number}} on jakelussa ja saapuu tänään. Seuraa: {{links.trackingPage}}',
    },
    available_for_pickup: {
      subject: 'Tilauksesi {{order.number}} on noudettavissa',
      heading: 'Pakettisi odottaa noutoa',
      intro: 'Tilauksesi {{order.number}} on saapunut noutopisteeseen ja odottaa noutoasi.',
      advice:
        'Ota noutaessasi mukaan kuvallinen henkilöllisyystodistus ja seurantanumero {{parcel.trackingNumber}}. Noudathan paketin ennen säilytysajan päättymistä, muuten se palautetaan meille.',
      sms: '{{store.name}}: tilauksesi {{order.number}} on noudettavissa. Ota mukaan henkilöllisyystodistus. Tiedot: {{links.trackingPage}}',
    },
    delivered: {
      subject: 'Tilauksesi {{order.number}} on toimitettu',
      heading: 'Tilauksesi on perillä',
      intro:
        'Tilauksesi {{order.number}} on toimitettu perille. Toivottavasti olet tyytyväinen ostokseesi!',
      advice: `Etkö löydä pakettia? Katso oven läheltä ja kysy naapureilta. Jos paketti ei löydy, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: tilauksesi {{order.number}} on toimitettu. Kiitos ostoksistasi! Tiedot: {{links.trackingPage}}',
    },
    exception: {
      subject: 'Tilauksesi {{order.number}} toimituksessa on ongelma',
      heading: 'Toimituksessa on ongelma',
      intro:
        'Kuljetusyhtiö {{parcel.carrierName}} on ilmoittanut ongelmasta tilauksesi {{order.number}} toimituksessa.',
      advice: `Ei hätää: kuljetusyhtiö selvittää asiaa, ja me seuraamme pakettisi tilannetta. Jos sinulla on kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: tilauksesi {{order.number}} toimituksessa on ongelma. Selvitämme asiaa. Tiedot: {{links.trackingPage}}',
    },
    attempt_failed: {
      subject: 'Tilauksesi {{order.number}} toimitus ei onnistunut',
      heading: 'Emme tavoittaneet sinua',
      intro:
        'Kuljetusyhtiö {{parcel.carrierName}} yritti toimittaa tilauksesi {{order.number}}, mutta sinua ei tavoitettu.',
      advice:
        'Voit sopia uudesta toimituksesta tai valita noutopisteen seurantasivulla. Voit myös ottaa yhteyttä kuljetusyhtiöön, kun sinulla on seurantanumero {{parcel.trackingNumber}} käsillä.',
      sms: '{{store.name}}: tilauksesi {{order.number}} toimitus ei onnistunut. Sovi uusi toimitus: {{links.trackingPage}}',
    },
    returned: {
      subject: 'Tilauksesi {{order.number}} on palautunut meille',
      heading: 'Pakettisi palasi meille',
      intro: 'Tilaustasi {{order.number}} ei voitu toimittaa, ja paketti on palautunut meille.',
      advice: `Ota meihin yhteyttä${SUPPORT}, niin sovitaan uudesta toimituksesta tai hyvityksestä.`,
      sms: '{{store.name}}: tilauksesi {{order.number}} palautui meille. Ota yhteyttä, niin sovitaan jatkosta: {{links.trackingPage}}',
    },
    delayed: {
      subject: 'Tilauksesi {{order.number}} on myöhässä',
      heading: 'Pakettisi on myöhässä',
      intro:
        'Tilauksesi {{order.number}} toimitus kestää odotettua kauemmin, mutta paketti on yhä matkalla.',
      advice: `Pahoittelemme odotusta. Sinun ei tarvitse tehdä mitään: kerromme, kun paketti on jakelussa. Jos sinulla on kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: tilauksesi {{order.number}} on myöhässä, mutta yhä matkalla. Pahoittelemme odotusta. Seuraa: {{links.trackingPage}}',
    },
  },
};

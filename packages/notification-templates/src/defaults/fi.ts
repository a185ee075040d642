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
    orderNumber: 'Tilausnumero',
    refundAmount: 'Hyvitetty summa',
    returnedItems: 'Palautetut tuotteet',
  },
  track: 'Seuraa pakettiasi',
  viewOrder: 'Katso tilauksesi',
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
    order_on_hold: {
      subject: 'Tilauksesi {{order.number}} on odotustilassa',
      heading: 'Tilauksesi on odotustilassa',
      intro:
        'Pahoittelemme: tilauksesi {{order.number}} on siirretty odotustilaan, eikä sitä ole vielä lähetetty.',
      advice: `Sinun ei tarvitse tehdä mitään juuri nyt. Otamme sinuun yhteyttä, jos tarvitsemme sinulta jotain, ja lähetämme tilauksesi mahdollisimman pian. Jos sinulla on kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: pahoittelemme, tilauksesi {{order.number}} on odotustilassa. Olemme pian yhteydessä. Tiedot: {{links.trackingPage}}',
    },
    order_payment_pending: {
      subject: 'Tilauksesi {{order.number}} odottaa maksua',
      heading: 'Tilauksesi odottaa maksua',
      intro:
        'Emme ole vielä voineet lähettää tilaustasi {{order.number}}, koska emme ole saaneet sen maksua.',
      advice: `Viimeistelethän maksun, tai ota meihin yhteyttä${SUPPORT}, jos olet jo maksanut tai tarvitset apua. Lähetämme tilauksesi heti, kun maksu on saapunut.`,
      sms: '{{store.name}}: tilauksesi {{order.number}} odottaa maksua. Viimeistele maksu tai ota meihin yhteyttä: {{links.trackingPage}}',
    },
    order_rejected: {
      subject: 'Tilauksesi {{order.number}} toimitus järjestetään toisin',
      heading: 'Järjestämme tilauksellesi toisen toimitustavan',
      intro: 'Valitettavasti tilaustasi {{order.number}} ei voitu lähettää suunnitellusti.',
      advice: `Pahoittelemme vaivaa. Järjestämme tilauksellesi toisen toimitustavan ja otamme sinuun pian yhteyttä. Jos sinulla on sillä välin kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: tilauksesi {{order.number}} toimitus muuttuu. Otamme yhteyttä uudesta toimitustavasta: {{links.trackingPage}}',
    },
    order_delayed: {
      subject: 'Tilauksesi {{order.number}} lähtee odotettua myöhemmin',
      heading: 'Tilauksesi on myöhässä',
      intro: 'Tilauksesi {{order.number}} lähettäminen kestää odotettua kauemmin.',
      advice: `Pahoittelemme odotusta. Lähetämme tilauksesi mahdollisimman pian ja kerromme, kun se on matkalla. Jos sinulla on kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: pahoittelemme, tilauksesi {{order.number}} viivästyy. Lähetämme sen pian. Tiedot: {{links.trackingPage}}',
    },
    return_received: {
      subject: 'Palautuksesi tilauksesta {{order.number}} on saapunut',
      heading: 'Palautuksesi on saapunut',
      intro: 'Kiitos! Palautuksesi tilauksesta {{order.number}} on saapunut meille.',
      advice: `Tarkistamme nyt tuotteet ja kerromme heti, kun hyvitys on maksettu. Jos sinulla on kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: palautuksesi tilauksesta {{order.number}}{{#if facts.items}} ({{facts.items}} kpl){{/if}} on saapunut. Kerromme pian hyvityksestä: {{links.trackingPage}}',
    },
    refund_issued: {
      subject: 'Hyvitys tilauksestasi {{order.number}} on maksettu',
      heading: 'Hyvityksesi on maksettu',
      intro:
        '{{#if facts.amount}}Olemme hyvittäneet sinulle {{facts.amount}} tilauksestasi {{order.number}}.{{else}}Olemme maksaneet sinulle hyvityksen tilauksestasi {{order.number}}.{{/if}}',
      advice: `Pankistasi tai maksutavastasi riippuen voi kestää muutaman arkipäivän, ennen kuin summa näkyy tililläsi. Jos sinulla on kysyttävää, ota meihin yhteyttä${SUPPORT}.`,
      sms: '{{store.name}}: hyvitimme {{#if facts.amount}}{{facts.amount}} {{/if}}tilauksestasi {{order.number}}. Summa näkyy tililläsi pian: {{links.trackingPage}}',
    },
  },
};

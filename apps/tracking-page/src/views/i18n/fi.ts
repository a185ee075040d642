import { STATUS_WORDS } from '@shiplink/domain';
import type { Messages } from './messages';

export const fi: Messages = {
  languageName: 'Suomi',
  languageNav: 'Kieli',
  skipToContent: 'Siirry sisältöön',
  errorTitlePrefix: 'Virhe: ',

  orderHeading: (orderNumber) => `Tilaus ${orderNumber}`,
  parcelOnlyHeading: 'Lähetyksesi',
  parcelHeading: (index, total) => (total > 1 ? `Paketti ${index}/${total}` : 'Paketti'),
  noParcelsYet:
    'Tilaustasi ei ole vielä lähetetty. Tällä sivulla näkyy jokainen paketti, kun se on matkalla.',
  carrier: 'Kuljetusyhtiö',
  trackingNumber: 'Seurantatunnus',
  estimatedDelivery: 'Arvioitu toimitus',
  carrierPageLink: (carrierName) => `Seuraa kuljetusyhtiön sivulla (${carrierName})`,
  status: STATUS_WORDS.fi,
  statusNote: {
    delayed: 'Pakettisi viipyy odotettua kauemmin, mutta se on yhä matkalla.',
    on_hold: 'Kuljetusyhtiö pitää pakettiasi toistaiseksi. Matka jatkuu, kun asia on selvitetty.',
    available_for_pickup:
      'Pakettisi odottaa noutopisteessä. Ota mukaan henkilöllisyystodistus ja nouda paketti ennen säilytysajan päättymistä.',
    attempt_failed:
      'Kuljetusyhtiö yritti toimittaa pakettisi, mutta se ei onnistunut. Sovi uusi toimitus tai nouto kuljetusyhtiön ohjeiden mukaan.',
    exception:
      'Toimitus on viivästynyt odottamattomasta syystä. Kuljetusyhtiö selvittää asiaa; kysy tarvittaessa kaupalta.',
    return_to_sender:
      'Pakettisi on matkalla takaisin kauppaan. Ota yhteyttä kauppaan uutta toimitusta tai hyvitystä varten.',
    returned:
      'Pakettisi on palautettu kauppaan. Ota yhteyttä kauppaan uutta toimitusta tai hyvitystä varten.',
    failed:
      'Kuljetusyhtiö ei pystynyt toimittamaan pakettia. Ota yhteyttä kauppaan, niin asia hoidetaan.',
    cancelled: 'Tämä lähetys on peruttu. Ota yhteyttä kauppaan, jos tämä on yllätys.',
    expired:
      'Kuljetusyhtiöltä ei ole tullut uusia tietoja vähään aikaan. Ota yhteyttä kauppaan, jos paketti ei ole saapunut.',
    tracking_error:
      'Emme pysty näyttämään tämän paketin seurantatietoja juuri nyt. Kysy tarvittaessa kaupalta.',
  },
  progressLabel: 'Toimituksen eteneminen',
  progressStep: {
    ordered: 'Tilattu',
    shipped: 'Lähetetty',
    onItsWay: 'Matkalla',
    outForDelivery: 'Jakelussa',
    delivered: 'Toimitettu',
  },
  progressPosition: (step, total) => `Vaihe ${step}/${total}`,
  stepDone: 'valmis',
  itemsInParcel: 'Paketin tuotteet',
  history: 'Seurantahistoria',
  noEvents: 'Kuljetusyhtiöltä ei ole vielä tietoja.',
  stillBeingPrepared: 'Vielä valmisteilla',
  stillBeingPreparedIntro:
    'Nämä tuotteet eivät ole vielä missään paketissa. Ne lähetetään erikseen.',
  lookUpAnother: 'Hae toista tilausta',

  lookupHeading: 'Seuraa tilaustasi',
  lookupIntro:
    'Anna tilausnumerosi sekä sähköpostiosoite tai postinumero, joilla tilasit. Voit myös seurata yksittäistä pakettia sen seurantatunnuksella.',
  orderFormHeading: 'Hae tilauksesi',
  orderNumberLabel: 'Tilausnumero',
  orderNumberHint: 'Löydät sen tilausvahvistuksesta.',
  contactLabel: 'Sähköposti tai postinumero',
  contactHint: 'Sähköpostiosoite, jolla tilasit, tai toimitusosoitteen postinumero.',
  findOrder: 'Hae tilaus',
  trackingFormHeading: 'Seuraa seurantatunnuksella',
  trackingNumberHint: 'Löydät sen lähetysvahvistuksesta.',
  trackParcel: 'Seuraa pakettia',
  problemHeading: 'Tiedoissa on ongelma',
  problem: {
    not_found: 'Emme löytäneet tilausta näillä tiedoilla. Tarkista tiedot ja yritä uudelleen.',
    rate_limited: 'Liian monta yritystä. Odota muutama minuutti ja yritä uudelleen.',
    invalid: 'Anna tilausnumero sekä sähköpostiosoite tai postinumero, tai anna seurantatunnus.',
  },

  unsubscribe: {
    heading: 'Lopetetaanko seurantaviestit?',
    body: 'Et saa enää sähköposteja paketeistasi kaupalta {store}. Tilausvahvistukset ja kuitit tulevat edelleen.',
    button: 'Peru tilaus',
    doneHeading: 'Viestit on lopetettu',
    doneBody:
      '{store} ei lähetä sinulle enää seurantaviestejä. Voit edelleen seurata pakettejasi tällä sivulla.',
  },
  error: {
    not_found: {
      heading: 'Tilausta ei löytynyt',
      body: 'Emme löytäneet tilausta näillä tiedoilla. Tarkista sähköpostissa ollut linkki tai hae tilaus tilausnumerolla.',
    },
    gone: {
      heading: 'Linkki ei ole enää voimassa',
      body: 'Seurantalinkki on vanhentunut tai se on poistettu käytöstä. Voit silti hakea tilauksesi tilausnumerolla.',
    },
    rate_limited: {
      heading: 'Liian monta yritystä',
      body: 'Olet tehnyt lyhyessä ajassa paljon hakuja. Odota muutama minuutti ja yritä uudelleen.',
    },
  },
  lookUpOrder: 'Hae tilaustasi',

  supportHeading: 'Tarvitsetko apua?',
  supportIntro: (storeName) => `Verkkokaupan ${storeName} asiakaspalvelu auttaa.`,
  supportEmail: 'Sähköposti',
  supportPhone: 'Puhelin',
  supportWebsite: 'Ohjeet ja yhteystiedot',
};

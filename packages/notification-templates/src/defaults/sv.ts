import type { LanguageCopy } from './copy';

// Where to reach the store, when it has said: e-mail first, the phone otherwise.
const SUPPORT =
  '{{#if store.supportEmail}} på {{store.supportEmail}}{{else if store.supportPhone}} på {{store.supportPhone}}{{/if}}';

// SMS text stays in the GSM-7 alphabet, which has å, ä and ö.
export const sv: LanguageCopy = {
  greeting: 'Hej{{#if customer.name}} {{customer.name}}{{/if}},',
  labels: {
    estimatedDelivery: 'Beräknad leverans',
    status: 'Status',
    carrier: 'Transportör',
    trackingNumber: 'Spårningsnummer',
    latestUpdate: 'Senaste händelse',
    items: 'I paketet',
  },
  track: 'Spåra ditt paket',
  thanks: 'Tack för att du handlar hos oss!',
  triggers: {
    shipped: {
      subject: 'Din beställning {{order.number}} är på väg',
      heading: 'Din beställning är på väg',
      intro:
        'Goda nyheter! Din beställning {{order.number}} har skickats och är nu hos {{parcel.carrierName}}.',
      sms: '{{store.name}}: din beställning {{order.number}} är på väg med {{parcel.carrierName}}. Spåra: {{links.trackingPage}}',
    },
    out_for_delivery: {
      subject: 'Din beställning {{order.number}} levereras i dag',
      heading: 'Ditt paket kommer i dag',
      intro:
        'Din beställning {{order.number}} är ute för leverans med {{parcel.carrierName}} och bör komma fram i dag.',
      advice: 'Ha gärna telefonen nära till hands ifall föraren behöver nå dig.',
      sms: '{{store.name}}: din beställning {{order.number}} är ute för leverans i dag. Spåra: {{links.trackingPage}}',
    },
    available_for_pickup: {
      subject: 'Din beställning {{order.number}} är klar att hämta',
      heading: 'Ditt paket väntar på dig',
      intro:
        'Din beställning {{order.number}} har kommit fram till utlämningsstället och är klar att hämtas.',
      advice:
        'Ta med giltig legitimation och spårningsnumret {{parcel.trackingNumber}} när du hämtar paketet. Hämta det innan liggetiden går ut, annars skickas det tillbaka till oss.',
      sms: '{{store.name}}: din beställning {{order.number}} är klar att hämta. Ta med legitimation. Info: {{links.trackingPage}}',
    },
    delivered: {
      subject: 'Din beställning {{order.number}} har levererats',
      heading: 'Din beställning har kommit fram',
      intro:
        '{{parcel.carrierName}} har levererat din beställning {{order.number}}. Vi hoppas att du blir nöjd!',
      advice: `Hittar du inte paketet? Titta runt dörren och fråga grannarna. Dyker det ändå inte upp, kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: din beställning {{order.number}} har levererats. Tack för ditt köp! Info: {{links.trackingPage}}',
    },
    exception: {
      subject: 'Problem med leveransen av din beställning {{order.number}}',
      heading: 'Det har uppstått ett problem med leveransen',
      intro:
        '{{parcel.carrierName}} har rapporterat ett problem med leveransen av din beställning {{order.number}}.',
      advice: `Oroa dig inte: transportören arbetar på att lösa det, och vi håller koll på ditt paket. Har du frågor är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: leveransen av din beställning {{order.number}} har stött på problem. Vi håller koll. Info: {{links.trackingPage}}',
    },
    attempt_failed: {
      subject: 'Vi kunde inte leverera din beställning {{order.number}}',
      heading: 'Vi missade dig',
      intro:
        '{{parcel.carrierName}} försökte leverera din beställning {{order.number}} men fick inte tag på dig.',
      advice:
        'Du kan boka en ny leverans eller välja ett utlämningsställe på spårningssidan, eller kontakta {{parcel.carrierName}} med spårningsnumret {{parcel.trackingNumber}}.',
      sms: '{{store.name}}: {{parcel.carrierName}} kunde inte leverera din beställning {{order.number}}. Boka ny leverans: {{links.trackingPage}}',
    },
    returned: {
      subject: 'Din beställning {{order.number}} har skickats tillbaka till oss',
      heading: 'Ditt paket har kommit tillbaka till oss',
      intro:
        'Din beställning {{order.number}} kunde inte levereras och har skickats tillbaka till {{store.name}}.',
      advice: `Kontakta oss${SUPPORT}, så ordnar vi en ny leverans eller en återbetalning.`,
      sms: '{{store.name}}: din beställning {{order.number}} har returnerats till oss. Kontakta oss så löser vi det: {{links.trackingPage}}',
    },
    delayed: {
      subject: 'Din beställning {{order.number}} är försenad',
      heading: 'Ditt paket är försenat',
      intro:
        'Din beställning {{order.number}} tar lite längre tid än väntat, men den är fortfarande på väg med {{parcel.carrierName}}.',
      advice: `Vi ber om ursäkt för väntan. Du behöver inte göra något: vi hör av oss när paketet är ute för leverans. Har du frågor är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: din beställning {{order.number}} är försenad men fortfarande på väg. Vi ber om ursäkt. Spåra: {{links.trackingPage}}',
    },
  },
};

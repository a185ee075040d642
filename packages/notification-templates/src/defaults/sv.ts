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
    orderNumber: 'Ordernummer',
    refundAmount: 'Återbetalt belopp',
    returnedItems: 'Mottagna artiklar',
  },
  track: 'Spåra ditt paket',
  viewOrder: 'Visa din beställning',
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
    order_on_hold: {
      subject: 'Din beställning {{order.number}} har pausats',
      heading: 'Din beställning har pausats',
      intro:
        'Vi ber om ursäkt: din beställning {{order.number}} har pausats och har inte skickats än.',
      advice: `Du behöver inte göra något just nu. Vi hör av oss om vi behöver något från dig, och skickar din beställning så snart vi kan. Har du frågor är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: vi ber om ursäkt, din beställning {{order.number}} har pausats. Vi hör av oss snart. Info: {{links.trackingPage}}',
    },
    order_payment_pending: {
      subject: 'Din beställning {{order.number}} väntar på betalning',
      heading: 'Din beställning väntar på betalning',
      intro:
        'Vi har inte kunnat skicka din beställning {{order.number}} än, eftersom vi inte har fått betalningen.',
      advice: `Slutför gärna betalningen, eller kontakta oss${SUPPORT} om du redan har betalat eller behöver hjälp. Vi skickar din beställning så snart betalningen har kommit in.`,
      sms: '{{store.name}}: din beställning {{order.number}} väntar på betalning. Slutför betalningen eller kontakta oss: {{links.trackingPage}}',
    },
    order_rejected: {
      subject: 'Nytt om leveransen av din beställning {{order.number}}',
      heading: 'Vi ordnar ett annat sätt att skicka din beställning',
      intro: 'Tyvärr kunde din beställning {{order.number}} inte skickas som planerat.',
      advice: `Vi ber om ursäkt för besväret. Vi ordnar ett annat sätt att skicka den och kontaktar dig snart. Har du frågor under tiden är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: din beställning {{order.number}} kan inte skickas som planerat. Vi ordnar det och hör av oss: {{links.trackingPage}}',
    },
    order_delayed: {
      subject: 'Din beställning {{order.number}} skickas senare än väntat',
      heading: 'Din beställning är försenad',
      intro: 'Det tar längre tid än väntat innan din beställning {{order.number}} kan skickas.',
      advice: `Vi ber om ursäkt för väntan. Vi skickar den så snart som möjligt och hör av oss när den är på väg. Har du frågor är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: din beställning {{order.number}} är försenad, vi ber om ursäkt. Vi skickar den snarast. Info: {{links.trackingPage}}',
    },
    return_received: {
      subject: 'Vi har tagit emot din retur av beställning {{order.number}}',
      heading: 'Din retur har kommit fram',
      intro: 'Tack! Din retur av beställning {{order.number}} har kommit fram till oss.',
      advice: `Vi kontrollerar nu artiklarna och meddelar dig så snart återbetalningen är gjord. Har du frågor är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: din retur av beställning {{order.number}}{{#if facts.items}} ({{facts.items}} st){{/if}} har kommit. Vi hör av oss om återbetalningen: {{links.trackingPage}}',
    },
    refund_issued: {
      subject: 'Återbetalning för din beställning {{order.number}}',
      heading: 'Vi har gjort din återbetalning',
      intro:
        '{{#if facts.amount}}Vi har betalat tillbaka {{facts.amount}} för din beställning {{order.number}}.{{else}}Vi har gjort en återbetalning för din beställning {{order.number}}.{{/if}}',
      advice: `Beroende på din bank eller betalningsleverantör kan det ta några bankdagar innan pengarna syns på ditt konto. Har du frågor är du välkommen att kontakta oss${SUPPORT}.`,
      sms: '{{store.name}}: vi har betalat tillbaka {{#if facts.amount}}{{facts.amount}} {{/if}}för beställning {{order.number}}. Det kan ta några dagar: {{links.trackingPage}}',
    },
  },
};

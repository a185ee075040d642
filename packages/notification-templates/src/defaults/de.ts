import type { LanguageCopy } from './copy';

// Where to reach the store, when it has said: e-mail first, the phone otherwise.
const SUPPORT =
  '{{#if store.supportEmail}} unter {{store.supportEmail}}{{else if store.supportPhone}} unter {{store.supportPhone}}{{/if}}';

// Formal address (Sie), as German shops write to customers. SMS stays in GSM-7 (ä, ö, ü, ß are in it).
export const de: LanguageCopy = {
  greeting: 'Hallo{{#if customer.name}} {{customer.name}}{{/if}},',
  labels: {
    estimatedDelivery: 'Voraussichtliche Zustellung',
    status: 'Status',
    carrier: 'Versanddienstleister',
    trackingNumber: 'Sendungsnummer',
    latestUpdate: 'Letzte Meldung',
    items: 'In diesem Paket',
    orderNumber: 'Bestellnummer',
    refundAmount: 'Erstatteter Betrag',
    returnedItems: 'Erhaltene Artikel',
  },
  track: 'Sendung verfolgen',
  viewOrder: 'Bestellung ansehen',
  thanks: 'Vielen Dank für Ihren Einkauf!',
  triggers: {
    shipped: {
      subject: 'Ihre Bestellung {{order.number}} ist unterwegs',
      heading: 'Ihre Bestellung ist unterwegs',
      intro:
        'Gute Nachrichten! Ihre Bestellung {{order.number}} wurde verschickt und ist jetzt bei {{parcel.carrierName}}.',
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} ist mit {{parcel.carrierName}} unterwegs. Verfolgen: {{links.trackingPage}}',
    },
    out_for_delivery: {
      subject: 'Ihre Bestellung {{order.number}} wird heute zugestellt',
      heading: 'Ihr Paket kommt heute',
      intro:
        'Ihre Bestellung {{order.number}} ist bei {{parcel.carrierName}} in der Zustellung und sollte heute bei Ihnen ankommen.',
      advice: 'Bitte halten Sie Ihr Telefon bereit, falls der Zusteller Sie erreichen muss.',
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} wird heute zugestellt. Verfolgen: {{links.trackingPage}}',
    },
    available_for_pickup: {
      subject: 'Ihre Bestellung {{order.number}} liegt zur Abholung bereit',
      heading: 'Ihr Paket wartet auf Sie',
      intro:
        'Ihre Bestellung {{order.number}} ist in der Abholstelle angekommen und liegt für Sie bereit.',
      advice:
        'Bringen Sie zur Abholung bitte einen Lichtbildausweis und die Sendungsnummer {{parcel.trackingNumber}} mit. Holen Sie das Paket vor Ablauf der Lagerfrist ab, sonst geht es an uns zurück.',
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} liegt zur Abholung bereit. Bitte Ausweis mitbringen. Info: {{links.trackingPage}}',
    },
    delivered: {
      subject: 'Ihre Bestellung {{order.number}} wurde zugestellt',
      heading: 'Ihre Bestellung ist angekommen',
      intro:
        '{{parcel.carrierName}} hat Ihre Bestellung {{order.number}} zugestellt. Wir wünschen Ihnen viel Freude damit!',
      advice: `Sie finden das Paket nicht? Schauen Sie bitte rund um Ihre Tür und bei Ihren Nachbarn nach. Taucht es nicht auf, melden Sie sich bitte bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} wurde zugestellt. Danke für Ihren Einkauf! Info: {{links.trackingPage}}',
    },
    exception: {
      subject: 'Problem bei der Zustellung Ihrer Bestellung {{order.number}}',
      heading: 'Es gibt ein Problem bei der Zustellung',
      intro:
        '{{parcel.carrierName}} meldet ein Problem bei der Zustellung Ihrer Bestellung {{order.number}}.',
      advice: `Keine Sorge: Der Versanddienstleister kümmert sich darum, und wir behalten Ihr Paket im Blick. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Bei der Zustellung Ihrer Bestellung {{order.number}} gibt es ein Problem. Wir kümmern uns. Info: {{links.trackingPage}}',
    },
    attempt_failed: {
      subject: 'Zustellversuch für Ihre Bestellung {{order.number}} erfolglos',
      heading: 'Wir haben Sie leider nicht angetroffen',
      intro:
        '{{parcel.carrierName}} hat versucht, Ihre Bestellung {{order.number}} zuzustellen, hat Sie aber nicht angetroffen.',
      advice:
        'Auf der Seite zur Sendungsverfolgung können Sie eine neue Zustellung vereinbaren oder eine Abholstelle wählen. Sie können sich auch mit der Sendungsnummer {{parcel.trackingNumber}} an {{parcel.carrierName}} wenden.',
      sms: '{{store.name}}: Zustellversuch für Ihre Bestellung {{order.number}} erfolglos. Neue Zustellung vereinbaren: {{links.trackingPage}}',
    },
    returned: {
      subject: 'Ihre Bestellung {{order.number}} ist an uns zurückgegangen',
      heading: 'Ihr Paket ist zu uns zurückgekommen',
      intro:
        'Ihre Bestellung {{order.number}} konnte nicht zugestellt werden und ist an {{store.name}} zurückgegangen.',
      advice: `Bitte kontaktieren Sie uns${SUPPORT}, dann vereinbaren wir eine neue Zustellung oder eine Erstattung.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} ist an uns zurückgegangen. Bitte melden Sie sich bei uns: {{links.trackingPage}}',
    },
    delayed: {
      subject: 'Ihre Bestellung {{order.number}} verspätet sich',
      heading: 'Ihr Paket verspätet sich',
      intro:
        'Die Zustellung Ihrer Bestellung {{order.number}} dauert etwas länger als erwartet, aber das Paket ist weiter mit {{parcel.carrierName}} unterwegs.',
      advice: `Wir bitten um Entschuldigung. Sie müssen nichts tun: Wir melden uns, sobald das Paket in der Zustellung ist. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} verspätet sich, ist aber weiter unterwegs. Verfolgen: {{links.trackingPage}}',
    },
    order_on_hold: {
      subject: 'Ihre Bestellung {{order.number}} ist vorübergehend angehalten',
      heading: 'Ihre Bestellung ist angehalten',
      intro:
        'Es tut uns leid: Ihre Bestellung {{order.number}} wurde vorübergehend angehalten und ist noch nicht verschickt.',
      advice: `Sie müssen im Moment nichts tun. Wir melden uns, falls wir etwas von Ihnen brauchen, und verschicken Ihre Bestellung so schnell wie möglich. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} ist leider angehalten. Wir melden uns bald bei Ihnen. Info: {{links.trackingPage}}',
    },
    order_payment_pending: {
      subject: 'Ihre Bestellung {{order.number}} wartet auf Zahlung',
      heading: 'Ihre Bestellung wartet auf Ihre Zahlung',
      intro:
        'Wir konnten Ihre Bestellung {{order.number}} noch nicht verschicken, da die Zahlung noch nicht bei uns eingegangen ist.',
      advice: `Bitte schließen Sie die Zahlung ab, oder melden Sie sich bei uns${SUPPORT}, falls Sie bereits bezahlt haben oder Hilfe brauchen. Sobald die Zahlung eingegangen ist, verschicken wir Ihre Bestellung.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} wartet auf Zahlung. Bitte zahlen Sie oder melden Sie sich: {{links.trackingPage}}',
    },
    order_rejected: {
      subject: 'Neuigkeiten zum Versand Ihrer Bestellung {{order.number}}',
      heading: 'Wir organisieren einen anderen Versand',
      intro: 'Leider konnte Ihre Bestellung {{order.number}} nicht wie geplant verschickt werden.',
      advice: `Wir bitten um Entschuldigung. Wir organisieren einen anderen Versandweg und melden uns in Kürze bei Ihnen. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} wird anders versandt als geplant. Wir melden uns: {{links.trackingPage}}',
    },
    order_delayed: {
      subject: 'Ihre Bestellung {{order.number}} wird später verschickt',
      heading: 'Ihre Bestellung verzögert sich',
      intro: 'Der Versand Ihrer Bestellung {{order.number}} dauert leider länger als erwartet.',
      advice: `Wir bitten um Entschuldigung. Wir verschicken sie so schnell wie möglich und sagen Ihnen Bescheid, sobald sie unterwegs ist. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Ihre Bestellung {{order.number}} verzögert sich leider. Versand so bald wie möglich. Info: {{links.trackingPage}}',
    },
    return_received: {
      subject: 'Ihre Rücksendung zur Bestellung {{order.number}} ist angekommen',
      heading: 'Ihre Rücksendung ist angekommen',
      intro:
        'Vielen Dank! Ihre Rücksendung zur Bestellung {{order.number}} ist bei uns angekommen.',
      advice: `Wir prüfen jetzt die Artikel und geben Ihnen Bescheid, sobald die Erstattung veranlasst ist. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Rücksendung zu Bestellung {{order.number}}{{#if facts.items}} ({{facts.items}} Artikel){{/if}} erhalten. Infos zur Erstattung folgen: {{links.trackingPage}}',
    },
    refund_issued: {
      subject: 'Erstattung für Ihre Bestellung {{order.number}}',
      heading: 'Wir haben Ihre Erstattung veranlasst',
      intro:
        '{{#if facts.amount}}Wir haben Ihnen {{facts.amount}} für Ihre Bestellung {{order.number}} erstattet.{{else}}Wir haben eine Erstattung für Ihre Bestellung {{order.number}} veranlasst.{{/if}}',
      advice: `Je nach Bank oder Zahlungsanbieter kann es einige Werktage dauern, bis der Betrag auf Ihrem Konto erscheint. Bei Fragen melden Sie sich gern bei uns${SUPPORT}.`,
      sms: '{{store.name}}: Erstattung{{#if facts.amount}} von {{facts.amount}}{{/if}} für Bestellung {{order.number}} veranlasst. Kann einige Tage dauern: {{links.trackingPage}}',
    },
  },
};

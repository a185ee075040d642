import Handlebars from 'handlebars';
import { PAGE_LANGUAGES } from '@shiplink/domain';
import { defaultTemplates } from './defaults';
import {
  NOTIFICATION_TRIGGERS,
  ORDER_NOTIFICATION_TRIGGERS,
  PARCEL_NOTIFICATION_TRIGGERS,
  TEMPLATE_KINDS,
} from './model';
import { formatMoney, messageFacts } from './money';
import { renderEmail, renderSms } from './render';
import { sampleContext } from './samples';
import { validateTemplate } from './validate';

const CASES = NOTIFICATION_TRIGGERS.flatMap((trigger) =>
  PAGE_LANGUAGES.map((language) => [trigger, language] as const),
);
const PARCEL_CASES = PARCEL_NOTIFICATION_TRIGGERS.flatMap((trigger) =>
  PAGE_LANGUAGES.map((language) => [trigger, language] as const),
);
const ORDER_CASES = ORDER_NOTIFICATION_TRIGGERS.flatMap((trigger) =>
  PAGE_LANGUAGES.map((language) => [trigger, language] as const),
);

// GSM 03.38: the basic alphabet counts one septet, the extension table two (escape + char).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '\f^{}\\[~]|€';

/** Septets `text` takes in GSM-7, or null when it needs UCS-2. */
function gsm7Length(text: string): number | null {
  let length = 0;
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) length += 1;
    else if (GSM7_EXTENDED.includes(char)) length += 2;
    else return null;
  }
  return length;
}

const HTML_TAG = /<\/?[a-z][^>]*>/i;

describe('default templates', () => {
  it.each(PARCEL_CASES)('%s in %s renders the essentials', (trigger, language) => {
    const context = sampleContext(trigger, language);
    const { email } = defaultTemplates(trigger, language);
    const { subject, html, text } = renderEmail(email, context);
    const link = context.links.trackingPage;

    expect(subject).toContain('1234');
    expect(subject).not.toMatch(/[\r\n]/);
    for (const part of [html, text]) {
      expect(part).toContain('1234');
      expect(part).toContain(context.parcel.trackingNumber);
      expect(part).toContain(context.parcel.carrierName);
    }
    expect(html).toContain(`href="${Handlebars.Utils.escapeExpression(link)}"`);
    expect(text).toContain(link);
    expect(text).not.toMatch(HTML_TAG);
    expect(text).toContain(context.links.unsubscribe);
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain(`href="${context.links.unsubscribe}"`);
    expect(html).toContain('alt="Nordic Trail"');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Merino wool hiking socks');
    expect(text).toContain('2 × Merino wool hiking socks');
  });

  it.each(CASES)('%s in %s passes validation in every field', (trigger, language) => {
    const { email, sms } = defaultTemplates(trigger, language);
    const sources = { subject: email.subject, html: email.html, text: email.text, sms: sms.body };
    for (const kind of TEMPLATE_KINDS) {
      expect([kind, validateTemplate(sources[kind], kind, { trigger, language })]).toEqual([
        kind,
        { ok: true },
      ]);
    }
  });

  it('shows the estimated delivery only when there is one', () => {
    const { email } = defaultTemplates('shipped', 'en');
    const context = sampleContext('shipped', 'en');
    expect(renderEmail(email, context).html).toContain(
      'Estimated delivery: <strong>Saturday, 22 March 2025</strong>',
    );
    expect(renderEmail(email, context).text).toContain(
      'Estimated delivery: Saturday, 22 March 2025',
    );
    context.parcel.estimatedDelivery = null;
    const without = renderEmail(email, context);
    expect(without.html).not.toContain('Estimated delivery');
    expect(without.text).not.toContain('Estimated delivery');
    expect(without.text).not.toMatch(/\n{3}/);
  });

  it('tells the customer what to do when action is needed', () => {
    const pickup = renderEmail(
      defaultTemplates('available_for_pickup', 'en').email,
      sampleContext('available_for_pickup', 'en'),
    );
    expect(pickup.text).toContain('photo ID');
    const missed = renderEmail(
      defaultTemplates('attempt_failed', 'de').email,
      sampleContext('attempt_failed', 'de'),
    );
    expect(missed.text).toContain('neue Zustellung vereinbaren');
    const delayed = renderEmail(
      defaultTemplates('delayed', 'fi').email,
      sampleContext('delayed', 'fi'),
    );
    expect(delayed.text).toContain('ota meihin yhteyttä (help@nordictrail.example)');
  });

  it('leaves the support contact out of the sentence when the store has none', () => {
    const context = sampleContext('exception', 'en', { supportEmail: null, supportPhone: null });
    const { text } = renderEmail(defaultTemplates('exception', 'en').email, context);
    expect(text).toContain('If you have any questions, contact us.');
  });

  it('returns a fresh copy each time', () => {
    const first = defaultTemplates('shipped', 'en');
    first.email.subject = 'changed';
    expect(defaultTemplates('shipped', 'en').email.subject).toBe(
      'Your order {{order.number}} is on its way',
    );
  });

  it.each([
    ['en', 'Your order {{order.number}} is on its way'],
    ['fi', 'Tilauksesi {{order.number}} on matkalla'],
    ['sv', 'Din beställning {{order.number}} är på väg'],
    ['de', 'Ihre Bestellung {{order.number}} ist unterwegs'],
  ] as const)('words the %s shipped subject naturally', (language, subject) => {
    expect(defaultTemplates('shipped', language).email.subject).toBe(subject);
  });
});

describe('default order templates', () => {
  it.each(ORDER_CASES)('%s in %s renders the order’s news, no parcel', (trigger, language) => {
    const context = sampleContext(trigger, language);
    expect(context.parcel).toBeNull();
    const { email, sms } = defaultTemplates(trigger, language);
    const { subject, html, text } = renderEmail(email, context);
    const body = renderSms(sms, context);
    const link = context.links.trackingPage;

    expect(subject).toContain('1234');
    expect(subject).not.toMatch(/[\r\n]/);
    for (const part of [html, text, body]) {
      expect(part).toContain('1234');
      expect(part).toContain('Nordic Trail');
      // Nothing of a parcel: no tracking number, no carrier.
      expect(part).not.toContain('JJFI');
      expect(part).not.toContain('Posti');
    }
    // No label left without its value.
    expect(text).not.toMatch(/:[ \t]*$/m);
    expect(html).toContain(`href="${Handlebars.Utils.escapeExpression(link)}"`);
    expect(text).toContain(link);
    expect(text).not.toMatch(HTML_TAG);
    expect(text).toContain(context.links.unsubscribe);
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain(`href="${context.links.unsubscribe}"`);
    expect(html).toContain('alt="Nordic Trail"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('Merino');
    // The inbox preview names the order, where a parcel's names its status and carrier.
    expect(html).toMatch(
      /overflow:hidden;mso-hide:all;[^>]*>(Order|Tilaus|Beställning|Bestellung) 1234 · Nordic Trail/,
    );
  });

  it.each([
    ['en', '€49.90', 'We have refunded €49.90 for your order 1234.'],
    ['fi', '49,90 €', 'Olemme hyvittäneet sinulle 49,90 € tilauksestasi 1234.'],
    ['sv', '49,90 €', 'Vi har betalat tillbaka 49,90 € för din beställning 1234.'],
    ['de', '49,90 €', 'Wir haben Ihnen 49,90 € für Ihre Bestellung 1234 erstattet.'],
  ] as const)('says a refund’s amount in %s with its currency', (language, amount, sentence) => {
    const context = sampleContext('refund_issued', language);
    const { email, sms } = defaultTemplates('refund_issued', language);
    const { html, text } = renderEmail(email, context);
    expect(text).toContain(sentence);
    expect(html).toContain(sentence);
    expect(text).toMatch(new RegExp(`^.+: ${amount.replace('.', '\\.')}$`, 'm'));
    expect(renderSms(sms, context)).toContain(amount);
  });

  it('says a refund in the currency it was made in, and without an amount, that there was one', () => {
    const { email, sms } = defaultTemplates('refund_issued', 'sv');
    const context = sampleContext('refund_issued', 'sv');
    context.facts = messageFacts({ amount: '1249.5', currency: 'SEK' }, 'sv', 'EUR');
    expect(renderEmail(email, context).text).toContain('Återbetalt belopp: 1 249,50 kr');
    context.facts = messageFacts({}, 'sv', 'EUR');
    const without = renderEmail(email, context);
    expect(without.text).toContain('Vi har gjort en återbetalning för din beställning 1234.');
    expect(without.text).not.toContain('Återbetalt belopp');
    expect(without.html).not.toContain('Återbetalt belopp');
    expect(renderSms(sms, context)).toBe(
      `Nordic Trail: vi har betalat tillbaka för beställning 1234. Det kan ta några dagar: ${context.links.trackingPage}`,
    );
  });

  it('counts a return’s items, and leaves the count out when there is none', () => {
    const { email, sms } = defaultTemplates('return_received', 'en');
    const context = sampleContext('return_received', 'en');
    expect(renderEmail(email, context).text).toContain('Items received: 2');
    expect(renderSms(sms, context)).toContain('order 1234 (2 items) has arrived');
    context.facts.items = 1;
    expect(renderSms(sms, context)).toContain('order 1234 (1 item) has arrived');
    context.facts.items = null;
    expect(renderSms(sms, context)).toContain('order 1234 has arrived');
    expect(renderEmail(email, context).text).not.toContain('Items received');
  });

  it.each([
    ['order_on_hold', 'en', ["We're sorry", 'ship your order as soon as we can', 'be in touch']],
    ['order_delayed', 'en', ["We're sorry for the wait", 'as soon as possible']],
    ['order_rejected', 'en', ['arranging another way to ship it', 'will contact you']],
    ['order_payment_pending', 'en', ['Please complete your payment', 'contact us at help@']],
    ['order_on_hold', 'de', ['Es tut uns leid', 'so schnell wie möglich']],
    ['order_rejected', 'fi', ['toisen toimitustavan', 'otamme sinuun pian yhteyttä']],
    ['order_payment_pending', 'sv', ['Slutför gärna betalningen', 'kontakta oss på help@']],
  ] as const)('tells what happens next: %s in %s', (trigger, language, phrases) => {
    const { text } = renderEmail(
      defaultTemplates(trigger, language).email,
      sampleContext(trigger, language),
    );
    for (const phrase of phrases) expect(text).toContain(phrase);
  });
});

describe('default SMS', () => {
  it.each(CASES)('%s in %s fits one GSM-7 segment with typical values', (trigger, language) => {
    const context = sampleContext(trigger, language);
    const body = renderSms(defaultTemplates(trigger, language).sms, context);
    expect(body).toContain('1234');
    expect(body).toContain(context.links.trackingPage);
    expect(gsm7Length(body)).not.toBeNull();
    expect(gsm7Length(body)).toBeLessThanOrEqual(160);
  });

  it.each(CASES)('%s in %s stays within two segments with long values', (trigger, language) => {
    const link = `https://track.example.com/t/${'x'.repeat(32)}`;
    expect(link).toHaveLength(60);
    const context = sampleContext(trigger, language, {
      name: 'Nordic Trail Outdoor Gear Helsinki',
    });
    context.links.trackingPage = link;
    context.order.number = 'NT-2025-000123456';
    if (context.facts.amount) context.facts.amount = formatMoney('12499.90', 'SEK', language);
    if (context.facts.items) context.facts.items = 12;
    if (context.parcel) context.parcel.carrierName = 'DB Schenker Finland';
    const body = renderSms(defaultTemplates(trigger, language).sms, context);
    expect(body).toContain(link);
    expect(gsm7Length(body)).toBeLessThanOrEqual(306);
  });
});

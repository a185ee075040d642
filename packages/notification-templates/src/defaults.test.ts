import Handlebars from 'handlebars';
import { PAGE_LANGUAGES } from '@shiplink/domain';
import { defaultTemplates } from './defaults';
import { NOTIFICATION_TRIGGERS, TEMPLATE_KINDS } from './model';
import { renderEmail, renderSms } from './render';
import { sampleContext } from './samples';
import { validateTemplate } from './validate';

const CASES = NOTIFICATION_TRIGGERS.flatMap((trigger) =>
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
  it.each(CASES)('%s in %s renders the essentials', (trigger, language) => {
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
    context.parcel.carrierName = 'DB Schenker Finland';
    const body = renderSms(defaultTemplates(trigger, language).sms, context);
    expect(body).toContain(link);
    expect(gsm7Length(body)).toBeLessThanOrEqual(306);
  });
});

import { PermanentError } from '@shiplink/errors';
import { clearTemplateCache, templateCacheStats } from './compile';
import { defaultTemplates } from './defaults';
import type { EmailTemplate, NotificationContext } from './model';
import { renderEmail, renderSms } from './render';
import { sampleContext } from './samples';

const SCRIPT = '<script>alert("x")</script>';

function plain(
  body: string,
  context: NotificationContext = sampleContext('shipped', 'en'),
): string {
  return renderSms({ body }, context);
}

describe('renderEmail', () => {
  it('escapes data in the HTML and keeps it literal in the text and subject', () => {
    const context = sampleContext('exception', 'en', { name: `Trail ${SCRIPT} & Co` });
    context.parcel.lastEvent.message = SCRIPT;
    context.parcel.carrierName = '<b>Posti</b>';
    const { subject, html, text } = renderEmail(
      { ...defaultTemplates('exception', 'en').email, subject: '{{store.name}} {{order.number}}' },
      context,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>Posti</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('alt="Trail &lt;script&gt;');
    expect(html).toContain('&amp; Co');
    expect(text).toContain(`Latest update: ${SCRIPT}`);
    expect(text).toContain(`Trail ${SCRIPT} & Co`);
    expect(subject).toBe(`Trail ${SCRIPT} & Co 1234`);
  });

  it('keeps line breaks and control characters out of the subject', () => {
    const context = sampleContext('shipped', 'en', { name: 'Nordic\r\nBcc: victim@example.com' });
    const { subject } = renderEmail(
      { subject: 'Order\n{{order.number}}\u2028from {{store.name}}\t!', html: 'x', text: 'x' },
      context,
    );
    expect(subject).toBe('Order 1234 from Nordic Bcc: victim@example.com !');
  });

  it('escapes {{{ }}} in HTML content, where raw output could inject markup', () => {
    const context = sampleContext('shipped', 'en');
    context.parcel.lastEvent.message = '<img src=x onerror=alert(1)>';
    const { html } = renderEmail(
      {
        subject: 's',
        html: '<p>{{{parcel.lastEvent.message}}}{{&parcel.lastEvent.message}}</p>',
        text: 't',
      },
      context,
    );
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('gives templates no way into prototypes', () => {
    const probes =
      '{{constructor.constructor}}|{{__proto__}}|{{order.constructor}}|{{"constructor"}}|' +
      '{{#with order}}{{constructor.name}}{{/with}}|{{#each parcel.items}}{{__proto__.constructor}}{{/each}}';
    expect(plain(probes)).toBe('|||||');
    const { html } = renderEmail(
      { subject: 's', html: probes, text: 't' },
      sampleContext('shipped', 'en'),
    );
    expect(html).not.toMatch(/function|\[native code\]|Object/);
  });

  it('drops links and colours that are not safe to put in an attribute', () => {
    const context = sampleContext('shipped', 'en', {
      logoUrl: 'http://cdn.example.com/logo.png',
      accentColor: 'red;background:url(https://evil.example/x)',
      supportUrl: 'javascript:alert(1)',
    });
    context.parcel.trackingUrl = 'javascript:alert(1)';
    const { html } = renderEmail(defaultTemplates('shipped', 'en').email, context);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('<img');
    expect(html).toContain('bgcolor="#0b5cad"');
    // Without a logo the header shows the store's name.
    expect(html).toMatch(/font-weight:bold;">Nordic Trail<\/td>/);
  });

  it('draws no button for a link that is not a web URL', () => {
    const { html } = renderEmail(
      {
        subject: 's',
        html: '{{button "javascript:alert(1)" "Go"}}|{{button links.trackingPage ""}}',
        text: 't',
      },
      sampleContext('shipped', 'en'),
    );
    expect(html).toContain('>|</td>');
  });

  it('tidies the text part: no trailing spaces or runs of blank lines', () => {
    const template: EmailTemplate = {
      subject: 's',
      html: 'x',
      text: 'One   \n\n\n\n{{#if parcel.trackingUrl}}\nTwo\n{{/if}}\r\n\r\n\r\nThree',
    };
    expect(renderEmail(template, sampleContext('shipped', 'en')).text).toMatch(
      /^One\n\nTwo\n\nThree\n\n-- \nNordic Trail\n/,
    );
  });

  it('fails permanently, with the reason, for a template that cannot render', () => {
    const context = sampleContext('shipped', 'en');
    const attempt = (html: string) => () => renderEmail({ subject: 's', html, text: 't' }, context);
    expect(attempt('{{money order.total}}')).toThrow(PermanentError);
    expect(attempt('{{money order.total}}')).toThrow(/unknown helper money/);
    expect(attempt('{{> footer}}')).toThrow(/partials/);
    expect(attempt('{{#*inline "x"}}y{{/inline}}')).toThrow(/decorators/);
    expect(attempt('{{log "hello"}}')).toThrow(/unknown helper log/);
    expect(attempt('{{lookup order "number"}}')).toThrow(/unknown helper lookup/);
    let caught: unknown;
    try {
      attempt('{{#if}}')();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PermanentError);
    expect((caught as PermanentError).reason).toBe('notifications.template_invalid');
    expect((caught as PermanentError).kind).toBe('permanent');
  });

  it('refuses to render without a web tracking or unsubscribe link', () => {
    const { email, sms } = defaultTemplates('shipped', 'en');
    const noTracking = sampleContext('shipped', 'en');
    noTracking.links.trackingPage = 'javascript:alert(1)';
    const noUnsubscribe = sampleContext('shipped', 'en');
    noUnsubscribe.links.unsubscribe = '';
    expect(() => renderEmail(email, noTracking)).toThrow(/links.trackingPage/);
    expect(() => renderSms(sms, noTracking)).toThrow(PermanentError);
    expect(() => renderEmail(email, noUnsubscribe)).toThrow(/links.unsubscribe/);
    expect(renderSms(sms, noUnsubscribe)).toContain('1234');
  });

  it('compiles each source once and reuses it', () => {
    clearTemplateCache();
    const { email } = defaultTemplates('delivered', 'sv');
    renderEmail(email, sampleContext('delivered', 'sv'));
    expect(templateCacheStats()).toEqual({ size: 3, hits: 0, misses: 3 });
    renderEmail(email, sampleContext('delivered', 'sv', { name: 'Another Store' }));
    renderEmail(email, sampleContext('delivered', 'sv'));
    expect(templateCacheStats()).toEqual({ size: 3, hits: 6, misses: 3 });
    // The same source as HTML and as text compiles twice: one escapes, the other does not.
    renderEmail({ subject: 'same', html: 'same', text: 'same' }, sampleContext('delivered', 'sv'));
    expect(templateCacheStats()).toMatchObject({ size: 5, misses: 5 });
  });
});

describe('renderSms', () => {
  it('does not escape, and collapses whitespace into one trimmed line', () => {
    const context = sampleContext('shipped', 'en', { name: 'Fish & "Chips"' });
    expect(plain('  {{store.name}}:\n\n your   order\t{{order.number}}  ', context)).toBe(
      'Fish & "Chips": your order 1234',
    );
  });
});

describe('helpers', () => {
  it('formats dates in the message language, offsets shown as given', () => {
    const context = sampleContext('out_for_delivery', 'de');
    expect(plain('{{date parcel.estimatedDelivery}}', context)).toBe(
      'Donnerstag, 20. März 2025 um 18:00 (UTC+2)',
    );
    expect(plain('{{date parcel.lastEvent.occurredAt style="medium"}}', context)).toBe(
      '20.03.2025, 07:55 (UTC+2)',
    );
    context.parcel.estimatedDelivery = '2025-03-22';
    expect(plain('{{date parcel.estimatedDelivery}}', context)).toBe('Samstag, 22. März 2025');
    expect(plain('[{{date}}][{{date parcel.trackingUrl}}][{{date customer.name}}]', context)).toBe(
      '[][https://www.posti.fi/fi/seuranta#/lahetys/JJFI64355710000012345][Lena]',
    );
  });

  it('words statuses for the customer', () => {
    expect(plain('{{status parcel.status}}', sampleContext('available_for_pickup', 'sv'))).toBe(
      'Klar att hämta',
    );
    expect(plain('{{status "nonsense"}}', sampleContext('shipped', 'fi'))).toBe('Ei vielä tietoja');
  });

  it('compares with eq, inline and as a block', () => {
    const context = sampleContext('delivered', 'en');
    expect(plain('{{#if (eq trigger "delivered")}}yes{{else}}no{{/if}}', context)).toBe('yes');
    expect(plain('{{#eq trigger "shipped"}}yes{{else}}no{{/eq}}', context)).toBe('no');
    expect(plain('{{eq order.number "1234"}}', context)).toBe('true');
  });

  it('renders a parcel template for an order’s news as far as it goes, without failing', () => {
    const context = sampleContext('order_delayed', 'en');
    expect(
      plain('{{order.number}}[{{parcel.trackingNumber}}][{{status parcel.status}}]', context),
    ).toBe('1234[][No information yet]');
    const { html, text } = renderEmail(defaultTemplates('delivered', 'en').email, context);
    expect(html).toContain('1234');
    expect(text).toContain('Tracking number:');
  });

  it('gives templates only well-formed facts', () => {
    const context = sampleContext('return_received', 'en');
    context.facts = { amount: 7 as never, currency: 'EUR', items: -2 };
    expect(plain('[{{facts.amount}}][{{facts.currency}}][{{facts.items}}]', context)).toBe(
      '[][EUR][]',
    );
  });
});

import { validateStoreTemplate } from './validate-store';

const FI_SHIPPED = { trigger: 'shipped', language: 'fi' } as const;

describe('validateStoreTemplate', () => {
  it('accepts good fields of the channel, and fields left to the default', () => {
    expect(
      validateStoreTemplate(
        'email',
        { subject: 'Tilaus {{order.number}}', html: '<p>{{store.name}}</p>', text: null },
        FI_SHIPPED,
      ),
    ).toEqual({ ok: true });
    expect(
      validateStoreTemplate('sms', { body: '{{store.name}}: {{links.trackingPage}}' }, FI_SHIPPED),
    ).toEqual({ ok: true });
    expect(validateStoreTemplate('email', {}, FI_SHIPPED)).toEqual({ ok: true });
  });

  it('names the field of every issue, each checked as what it renders as', () => {
    expect(
      validateStoreTemplate(
        'email',
        {
          subject: '{{evil order.number}}',
          html: '<p>{{#if customer.name}}Hei {{customer.name}}</p>',
          text: '{{links.trackingPage}}',
        },
        FI_SHIPPED,
      ),
    ).toEqual({
      ok: false,
      issues: [
        expect.stringMatching(/^subject: line 1, column 1: unknown helper "evil"/),
        expect.stringMatching(
          /^html: line 1, column \d+: the template ends before a \{\{#block\}\}/,
        ),
      ],
    });
    // The HTML part may not carry markup e-mail must not contain; the subject is plain text.
    expect(validateStoreTemplate('email', { html: '<script>x</script>' }, FI_SHIPPED)).toEqual({
      ok: false,
      issues: [expect.stringMatching(/^html: /)],
    });
    expect(validateStoreTemplate('sms', { body: '   ' }, FI_SHIPPED)).toEqual({
      ok: false,
      issues: ['body: the sms renders as nothing'],
    });
  });

  it('refuses fields the channel does not have', () => {
    expect(validateStoreTemplate('sms', { body: 'ok', subject: 'no' }, FI_SHIPPED)).toEqual({
      ok: false,
      issues: ['subject: sms templates have body'],
    });
    expect(validateStoreTemplate('email', { body: 'no' }, FI_SHIPPED)).toEqual({
      ok: false,
      issues: ['body: email templates have subject, html, text'],
    });
  });

  it('trial-renders for the trigger it is saved for', () => {
    // The delivered sample has no estimate: an SMS of nothing but the estimate would be empty.
    const source = '{{date parcel.estimatedDelivery}}';
    expect(validateStoreTemplate('sms', { body: source }, FI_SHIPPED)).toEqual({ ok: true });
    expect(
      validateStoreTemplate('sms', { body: source }, { trigger: 'delivered', language: 'fi' }),
    ).toEqual({ ok: false, issues: ['body: the sms renders as nothing'] });
  });

  it('trial-renders an order trigger’s template with the order’s news, which has no parcel', () => {
    const onHold = { trigger: 'order_on_hold', language: 'en' } as const;
    expect(validateStoreTemplate('sms', { body: '{{parcel.trackingNumber}}' }, onHold)).toEqual({
      ok: false,
      issues: ['body: the sms renders as nothing'],
    });
    expect(
      validateStoreTemplate(
        'email',
        { subject: 'Refund of {{facts.amount}} for {{order.number}}', text: '{{facts.items}}' },
        { trigger: 'refund_issued', language: 'en' },
      ),
    ).toEqual({ ok: true });
    expect(validateStoreTemplate('sms', { body: '{{facts.total}}' }, onHold)).toEqual({
      ok: false,
      issues: [
        'body: line 1, column 3: unknown field "facts.total" (facts has: amount, currency, items)',
      ],
    });
  });
});

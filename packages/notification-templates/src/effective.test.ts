import { defaultTemplates } from './defaults';
import { effectiveTemplates } from './effective';

describe('effectiveTemplates', () => {
  it('is the defaults when the store has saved nothing, or reset to them', () => {
    const defaults = defaultTemplates('delivered', 'sv');
    const reset = { subject: null, html: null, text: null, body: null };
    for (const stored of [undefined, null, {}, reset]) {
      expect(effectiveTemplates('delivered', 'sv', stored)).toEqual({
        ...defaults,
        customized: false,
      });
    }
  });

  it('lays the store’s fields over the defaults, field by field', () => {
    const defaults = defaultTemplates('shipped', 'de');
    const stored = { subject: 'Bestellung {{order.number}} ist unterwegs', html: null, text: null };
    expect(effectiveTemplates('shipped', 'de', stored)).toEqual({
      email: { ...defaults.email, subject: stored.subject },
      sms: defaults.sms,
      customized: true,
    });
    const sms = effectiveTemplates('shipped', 'de', { body: 'Unterwegs: {{links.trackingPage}}' });
    expect(sms.email).toEqual(defaults.email);
    expect(sms.sms).toEqual({ body: 'Unterwegs: {{links.trackingPage}}' });
    expect(sms.customized).toBe(true);
  });

  it('keeps an empty field the store saved: only a missing one is the default’s', () => {
    const { email } = effectiveTemplates('returned', 'en', { text: '' });
    expect(email.text).toBe('');
    expect(email.html).toBe(defaultTemplates('returned', 'en').email.html);
  });
});

import { PAGE_LANGUAGES } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { defaultTemplates } from './defaults';
import { renderEmail } from './render';
import { NOTIFICATION_TRIGGERS } from './model';
import { previewTemplate } from './preview';
import { SAMPLE_STORE, sampleContext } from './samples';

const KAHVILA = {
  name: 'Kahvila Aalto',
  logoUrl: null,
  primaryColor: '#7a1f2b',
  accentColor: '#2b5d7a',
  supportEmail: 'apu@kahvila.example',
  supportPhone: null,
  supportUrl: null,
};

describe('previewTemplate', () => {
  it('renders the defaults for the sample order, as sending them would', () => {
    const context = sampleContext('out_for_delivery', 'sv');
    expect(previewTemplate('email', { trigger: 'out_for_delivery', language: 'sv' })).toEqual(
      renderEmail(defaultTemplates('out_for_delivery', 'sv').email, context),
    );
  });

  it('renders a draft over the defaults with the store’s own brand', () => {
    const preview = previewTemplate('email', {
      trigger: 'shipped',
      language: 'de',
      template: { subject: '{{store.name}}: Bestellung {{order.number}} ist unterwegs' },
      store: KAHVILA,
    });
    expect(preview.subject).toBe('Kahvila Aalto: Bestellung 1234 ist unterwegs');
    expect(preview.html).toContain('background-color:#7a1f2b');
    expect(preview.html).toContain('<html lang="de"');
    expect(preview.html).not.toContain(SAMPLE_STORE.name);
    expect(preview.html).not.toContain(SAMPLE_STORE.logoUrl!);
    // The parts not in the draft are the defaults', in the draft's language.
    expect(preview.text).toContain('Lena');
    expect(preview.text).toContain('Kahvila Aalto');
  });

  it('renders an SMS as one line and counts its characters', () => {
    const preview = previewTemplate('sms', {
      trigger: 'available_for_pickup',
      language: 'fi',
      template: { body: 'Noudettavissa:\n{{parcel.lastEvent.message}}  {{links.trackingPage}}' },
      store: KAHVILA,
    });
    const link = sampleContext('available_for_pickup', 'fi').links.trackingPage;
    expect(preview.body).toBe(`Noudettavissa: Ready for pickup at K-Market Kamppi ${link}`);
    expect(preview.characters).toBe(preview.body.length);
    const emoji = previewTemplate('sms', {
      trigger: 'delivered',
      language: 'en',
      template: { body: '📦 {{order.number}}' },
    });
    expect(emoji).toEqual({ body: '📦 1234', characters: 7 });
  });

  it('fails as sending would when a template cannot render', () => {
    expect(() =>
      previewTemplate('sms', {
        trigger: 'shipped',
        language: 'en',
        template: { body: 'x{{#with}}{{/with}}' },
      }),
    ).toThrow(PermanentError);
  });

  it.each(NOTIFICATION_TRIGGERS)('previews %s in every language on both channels', (trigger) => {
    for (const language of PAGE_LANGUAGES) {
      const email = previewTemplate('email', { trigger, language, store: KAHVILA });
      expect(email.subject).toContain('1234');
      expect(email.html).toContain('Kahvila Aalto');
      expect(previewTemplate('sms', { trigger, language }).body).toContain('1234');
    }
  });

  it('previews an order’s news with its facts, and without a parcel', () => {
    const preview = previewTemplate('sms', {
      trigger: 'refund_issued',
      language: 'de',
      template: {
        body: '{{store.name}}: {{facts.amount}} ({{facts.currency}}){{#if parcel}} {{parcel.trackingNumber}}{{/if}}',
      },
    });
    expect(preview.body).toBe('Nordic Trail: 49,90 € (EUR)');
    expect(previewTemplate('email', { trigger: 'return_received', language: 'fi' }).text).toContain(
      'Palautetut tuotteet: 2',
    );
  });
});

import { contrastRatio, relativeLuminance, textColorOn } from './contrast';
import { defaultTemplates } from './defaults';
import { renderEmail } from './render';
import { sampleContext } from './samples';

function html(store: Parameters<typeof sampleContext>[2] = {}, language: 'en' | 'fi' = 'en') {
  return renderEmail(
    defaultTemplates('shipped', language).email,
    sampleContext('shipped', language, store),
  ).html;
}

describe('contrast', () => {
  it('computes WCAG luminance and ratios', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
  });

  it('picks whichever of black and white contrasts more', () => {
    expect(textColorOn('#1f3a5f')).toBe('#ffffff');
    expect(textColorOn('#ffd400')).toBe('#000000');
    // Mid grey: 4.69:1 with black against 4.48:1 with white.
    expect(textColorOn('#777777')).toBe('#000000');
  });
});

describe('emailLayout', () => {
  it('puts header text in the colour that reads on the primary colour', () => {
    expect(html({ primaryColor: '#ffd400' })).toMatch(/background-color:#ffd400;color:#000000;/);
    expect(html({ primaryColor: '#1F3A5F' })).toMatch(/background-color:#1f3a5f;color:#ffffff;/);
  });

  it('shows the logo with the store name as its alt text, or the name alone', () => {
    expect(html()).toContain(
      '<img src="https://cdn.nordictrail.example/logo.png" alt="Nordic Trail"',
    );
    expect(html({ logoUrl: null })).not.toContain('<img');
  });

  it('is a responsive, 600 px, table layout with a preheader', () => {
    const page = html();
    expect(page).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr">/);
    expect(page).toContain('width="600"');
    expect(page).toContain('max-width:600px');
    expect(page).toContain('@media only screen and (max-width:620px)');
    expect(page).toMatch(
      /<div style="display:none;[^"]*">On its way · Posti JJFI64355710000012345/,
    );
    expect(page).toContain('<title>Your order 1234 is on its way</title>');
  });

  it('words the footer in the message language, with the support contact and unsubscribe link', () => {
    const page = html({}, 'fi');
    expect(page).toContain('Kysyttävää? Autamme mielellämme:');
    expect(page).toContain('href="mailto:help@nordictrail.example"');
    expect(page).toContain('href="tel:+358401234567"');
    expect(page).toContain('>nordictrail.example/help</a>');
    expect(page).toContain(
      '<a href="https://track.nordictrail.example/u/Yh7Qm2Lx9PwK4sDf" style="color:#4b5563;text-decoration:underline;">Lopeta toimitusilmoitusten tilaus</a>',
    );
    const text = renderEmail(
      defaultTemplates('shipped', 'fi').email,
      sampleContext('shipped', 'fi'),
    ).text;
    expect(text).toMatch(
      /\n-- \nNordic Trail\nKysyttävää\? Autamme mielellämme: help@nordictrail\.example · \+358 40 123 4567 · https:\/\/nordictrail\.example\/help\n.*\nLopeta toimitusilmoitusten tilaus: https:\/\/track\.nordictrail\.example\/u\/Yh7Qm2Lx9PwK4sDf\n$/,
    );
  });

  it('leaves out the contact line when the store has no contact details', () => {
    const page = html({ supportEmail: null, supportPhone: null, supportUrl: null });
    expect(page).not.toContain('Questions?');
    expect(page).toContain('because you placed an order with Nordic Trail.');
  });
});

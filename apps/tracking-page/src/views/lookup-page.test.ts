import { renderLookupPage as renderRaw } from './index';
import { MESSAGES } from './i18n';
import type { LookupPageView, LookupProblem } from './model';
import { compactHtml, sampleChrome } from './samples';

const renderLookupPage = (...args: Parameters<typeof renderRaw>) => compactHtml(renderRaw(...args));

const view = (
  problem: LookupProblem | null,
  values: Partial<LookupPageView['values']> = {},
): LookupPageView => ({
  ...sampleChrome('en'),
  problem,
  values: { orderNumber: '', contact: '', trackingNumber: '', ...values },
});

const inputOf = (page: string, id: string) =>
  page.match(new RegExp(`<input id="${id}"[^>]*>`))?.[0] ?? '';

describe('renderLookupPage', () => {
  const empty = renderLookupPage(view(null));

  it('is a complete document with one h1', () => {
    expect(empty.startsWith('<!doctype html>')).toBe(true);
    expect(empty).toContain('<html lang="en">');
    expect(empty).toContain('<title>Track your order – Nordic Knits</title>');
    expect(empty.match(/<h1/g)).toHaveLength(1);
    expect(empty).not.toMatch(/<script/i);
  });

  it('has two forms posting to the lookup path, with labelled fields', () => {
    expect(empty.match(/<form method="post" action="\/lookup">/g)).toHaveLength(2);
    for (const id of ['order-number', 'contact', 'tracking-number']) {
      expect(empty).toContain(`<label for="${id}">`);
      expect(inputOf(empty, id)).toContain(`aria-describedby="${id}-hint"`);
    }
    expect(inputOf(empty, 'order-number')).toContain('name="orderNumber"');
    expect(inputOf(empty, 'contact')).toContain('name="contact"');
    expect(inputOf(empty, 'tracking-number')).toContain('name="trackingNumber"');
  });

  it('sets autofill and keyboard hints', () => {
    expect(inputOf(empty, 'contact')).toMatch(/autocomplete="email" inputmode="email"/);
    expect(inputOf(empty, 'tracking-number')).toMatch(/autocomplete="off" inputmode="text"/);
    expect(inputOf(empty, 'order-number')).toContain('inputmode="text"');
  });

  it('has no problem summary when there is no problem', () => {
    expect(empty).not.toContain('role="alert"');
    expect(empty).not.toContain(' aria-invalid=');
  });

  it('shows the uniform not-found message, linked to the order fields', () => {
    const page = renderLookupPage(
      view('not_found', { orderNumber: '1234', contact: 'a@b.example' }),
    );
    expect(page).toContain('<title>Error: Track your order – Nordic Knits</title>');
    expect(page).toMatch(
      /<div class="error-summary" id="lookup-problem" role="alert" [^>]*autofocus/,
    );
    expect(page).toContain(`<p id="lookup-problem-text">${MESSAGES.en.problem.not_found}</p>`);
    for (const id of ['order-number', 'contact']) {
      expect(inputOf(page, id)).toContain(`aria-describedby="${id}-hint lookup-problem-text"`);
      expect(inputOf(page, id)).toContain('aria-invalid="true"');
    }
    expect(inputOf(page, 'tracking-number')).not.toContain(' aria-invalid=');
  });

  it('links the problem to the tracking field when only that form was used', () => {
    const page = renderLookupPage(view('not_found', { trackingNumber: 'JJFI1' }));
    expect(inputOf(page, 'tracking-number')).toContain('lookup-problem-text');
    expect(inputOf(page, 'order-number')).not.toContain('lookup-problem-text');
  });

  it('reports rate limiting without marking fields invalid', () => {
    const page = renderLookupPage(view('rate_limited', { orderNumber: '1' }));
    expect(page).toContain(MESSAGES.en.problem.rate_limited);
    expect(page).toContain('role="alert"');
    expect(page).not.toContain(' aria-invalid=');
  });

  it('shows the typed values back, escaped', () => {
    const page = renderLookupPage(
      view('invalid', { orderNumber: '"><script>x</script>', contact: "o'brien@x.example" }),
    );
    expect(page).not.toMatch(/<script/i);
    expect(inputOf(page, 'order-number')).toContain(
      'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"',
    );
    expect(inputOf(page, 'contact')).toContain('value="o&#39;brien@x.example"');
  });

  it('speaks the page language', () => {
    const page = renderLookupPage({ ...view('not_found'), locale: 'de' });
    expect(page).toContain('<html lang="de">');
    expect(page).toContain(MESSAGES.de.problem.not_found);
    expect(page).toContain('<label for="contact">E-Mail oder Postleitzahl</label>');
  });

  it('drops an unsafe form action', () => {
    const page = renderLookupPage({ ...view(null), lookupPath: 'javascript:alert(1)' });
    expect(page).not.toMatch(/javascript:/i);
    expect(page).toContain('<form method="post">');
  });
});

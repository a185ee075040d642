import { escapeHtml, html, trustedHtml } from './html';
import { compactHtml } from './samples';
import { httpsUrl, mailtoUrl, pageUrl, telUrl } from './urls';

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(escapeHtml('Matkalla – 5.3.2025')).toBe('Matkalla – 5.3.2025');
  });
});

describe('html', () => {
  it('escapes interpolated strings and numbers but not the template', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p class="a">${name} ${2}</p>`.toString()).toBe(
      '<p class="a">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 2</p>',
    );
  });

  it('lets fragments it built through, once', () => {
    const inner = html`<b>${'&'}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><b>&amp;</b></p>');
  });

  it('joins arrays and renders null, undefined and false as nothing', () => {
    const items = ['a', '<b>'].map((item) => html`<li>${item}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`;
    expect(compactHtml(list.toString())).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
    expect(html`<p>${null}${undefined}${false}</p>`.toString()).toBe('<p></p>');
  });

  it('squeezes source indentation to one newline', () => {
    const strings = Object.assign(['<ul>\n      <li>', '</li>\n    </ul>'], {
      raw: ['<ul>\n      <li>', '</li>\n    </ul>'],
    });
    expect(html(strings, 'x').toString()).toBe('<ul>\n<li>x</li>\n</ul>');
  });

  it('does not trust look-alike objects', () => {
    const fake = { toString: () => '<script>' } as unknown as string;
    expect(html`${fake}`.toString()).not.toContain('<script>');
  });

  it('keeps trusted text verbatim', () => {
    const css = trustedHtml('a > b{content:""}');
    expect(
      html`<style>
        ${css}
      </style>`.toString(),
    ).toContain('a > b{content:""}');
  });
});

describe('urls', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.com/',
    'vbscript:x',
    '//evil.example/',
    '',
  ])('httpsUrl drops %j', (value) => {
    expect(httpsUrl(value)).toBeNull();
  });

  it('httpsUrl keeps https URLs, normalized', () => {
    expect(httpsUrl('https://example.com/a b?q="x"')).toBe('https://example.com/a%20b?q=%22x%22');
    expect(httpsUrl(null)).toBeNull();
  });

  it('pageUrl keeps paths on this site and https URLs', () => {
    expect(pageUrl('/lookup')).toBe('/lookup');
    expect(pageUrl('/t/abc?lang=fi')).toBe('/t/abc?lang=fi');
    expect(pageUrl('https://track.example/x')).toBe('https://track.example/x');
  });

  it.each([
    'javascript:alert(1)',
    '//evil.example/x',
    '/\\evil.example/x',
    '/\t/evil.example',
    'http://x.example',
  ])('pageUrl drops %j', (value) => {
    expect(pageUrl(value)).toBeNull();
  });

  it('builds mailto: and tel: links only from plausible values', () => {
    expect(mailtoUrl(' help@shop.example ')).toBe('mailto:help@shop.example');
    expect(mailtoUrl('help@shop.example?subject=x')).toBeNull();
    expect(mailtoUrl('javascript:alert(1)//@x.example')).toBeNull();
    expect(mailtoUrl('not an address')).toBeNull();
    expect(telUrl('+358 (40) 123-4567')).toBe('tel:+358401234567');
    expect(telUrl('09 123 456')).toBe('tel:09123456');
    expect(telUrl('call us')).toBeNull();
  });
});

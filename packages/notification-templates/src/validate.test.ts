import { TEMPLATE_SIZE_LIMITS, validateTemplate } from './validate';

function issues(source: string, kind: Parameters<typeof validateTemplate>[1] = 'html'): string[] {
  const result = validateTemplate(source, kind);
  return result.ok ? [] : result.issues;
}

describe('validateTemplate', () => {
  it('accepts templates that use the context, helpers, blocks and loops', () => {
    const source = [
      '<p>Hi{{#if customer.name}} {{customer.name}}{{/if}}, {{status parcel.status}}</p>',
      '{{#unless parcel.estimatedDelivery}}soon{{else}}{{date parcel.estimatedDelivery style="long"}}{{/unless}}',
      '{{#each parcel.items}}{{@index}}: {{quantity}} × {{this.name}} of {{../order.number}} {{@root.store.name}}{{/each}}',
      '{{#each parcel.items as |item position|}}{{item.name}} {{position}} {{@first}}{{/each}}',
      '{{#with parcel.lastEvent as |event|}}{{message}} {{event.location}}{{/with}}',
      '{{#if (eq trigger "delivered")}}{{parcel.items.length}} {{parcel.items.[0].name}}{{/if}}',
      '{{#parcel.lastEvent}}{{occurredAt}}{{/parcel.lastEvent}}{{#parcel.items}}{{name}}{{/parcel.items}}',
      '{{button links.trackingPage "Track"}} {{! a comment }} {{!-- {{order.total}} --}}',
    ].join('\n');
    expect(validateTemplate(source, 'html')).toEqual({ ok: true });
  });

  it('refuses paths NotificationContext does not have, saying what exists', () => {
    expect(issues('Total:\n  {{order.total}}')).toEqual([
      'line 2, column 5: unknown field "order.total" (order has: number)',
    ]);
    expect(issues('{{#each parcel.items}}{{price}}{{/each}}')).toEqual([
      'line 1, column 25: unknown field "price" (available: name, quantity)',
    ]);
    expect(issues('{{customer}} {{shop.name}} {{order.number.length}}')).toEqual([
      'line 1, column 16: unknown field "shop.name" (available: language, trigger, store, customer, order, parcel, facts, links)',
      'line 1, column 30: unknown field "order.number.length"',
    ]);
    expect(issues('{{../order.number}}')).toEqual([
      'line 1, column 3: "../order.number" reaches above the top of the template',
    ]);
    expect(issues('{{@index}} {{@level}}')[0]).toMatch(/@index only exists inside \{\{#each\}\}/);
    expect(issues('{{@level}}')[0]).toMatch(/unknown data variable "@level"/);
  });

  it('refuses the way into prototypes', () => {
    for (const probe of [
      '{{constructor.constructor}}',
      '{{__proto__}}',
      '{{order.constructor}}',
      '{{"constructor"}}',
      '{{#with order}}{{constructor.name}}{{/with}}',
      '{{@root.__proto__}}',
    ]) {
      expect([probe, issues(probe, 'text')[0]]).toEqual([
        probe,
        expect.stringMatching(/unknown field/),
      ]);
    }
  });

  it('refuses unknown helpers, naming them and the ones there are', () => {
    expect(issues('{{money order.number}}')).toEqual([
      'line 1, column 1: unknown helper "money" (available: if, unless, each, with, date, status, eq, button)',
    ]);
    expect(issues('{{#if (upper order.number)}}x{{/if}}')[0]).toMatch(/unknown helper "upper"/);
    expect(issues('{{#repeat 3}}x{{/repeat}}')[0]).toMatch(/unknown helper "repeat"/);
    expect(issues('{{log "hi"}} {{lookup order "number"}}')).toHaveLength(2);
    // The button is markup, so plain-text fields do not have it.
    expect(issues('{{button links.trackingPage "Track"}}', 'text')[0]).toMatch(
      /unknown helper "button" \(available: if, unless, each, with, date, status, eq\)/,
    );
  });

  it('reports parse errors with their line and column', () => {
    expect(issues('Hi\n{{#if customer.name}}\n  x {{foo bar}\n{{/if}}')).toEqual([
      'line 3, column 14: unexpected "}" in a {{ }} expression',
    ]);
    expect(issues('a\nb {{#if parcel.trackingUrl}}x{{/each}}')).toEqual([
      "line 2, column 6: if doesn't match each",
    ]);
    expect(issues('ok\n\n {{order.number')).toEqual([
      'line 3, column 2: this {{ is never closed with }}',
    ]);
    expect(issues('{{#if customer.name}}hi')).toEqual([
      'line 1, column 24: the template ends before a {{#block}} is closed with its {{/block}}',
    ]);
  });

  it('refuses raw output in HTML but not in plain-text fields', () => {
    expect(issues('<p>{{{parcel.lastEvent.message}}}</p>')).toEqual([
      'line 1, column 4: {{{ }}} and {{& }} output without HTML escaping; use {{ }}',
    ]);
    expect(issues('{{&store.name}}')).toHaveLength(1);
    expect(validateTemplate('{{{parcel.lastEvent.message}}}', 'text')).toEqual({ ok: true });
  });

  it('refuses partials, decorators and markup e-mail may not contain', () => {
    expect(issues('{{> footer}}')[0]).toMatch(/partials/);
    expect(issues('{{#*inline "x"}}y{{/inline}}')[0]).toMatch(/decorators/);
    expect(issues('<p>hi</p>\n<script src="https://x.example/a.js"></script>')).toEqual([
      'line 1, column 1: e-mail content may not contain a <script> element',
    ]);
    expect(issues('<a href="javascript:alert(1)">x</a>')[0]).toMatch(/javascript: URL/);
    expect(issues('<img src="x" onerror="alert(1)">')[0]).toMatch(/event attribute/);
    // Pieced together around a comment, it is caught in the rendered sample.
    expect(issues('<scr{{! }}ipt>x</script>')[0]).toMatch(
      /rendered shipped sample contains a <script>/,
    );
    // Plain text is never markup.
    expect(validateTemplate('Use <script> tags', 'text')).toEqual({ ok: true });
  });

  it('refuses a subject or SMS that renders as nothing', () => {
    expect(issues('{{customer.email}}', 'subject')[0]).toMatch(/unknown field/);
    expect(issues('  {{#if (eq trigger "nope")}}x{{/if}} ', 'subject')).toEqual([
      'the subject renders as nothing',
    ]);
    expect(
      validateTemplate('{{#if (eq trigger "delivered")}}Delivered{{/if}}', 'sms', {
        trigger: 'delivered',
      }),
    ).toEqual({ ok: true });
  });

  it('reports a template that fails when rendered', () => {
    expect(issues('{{#each}}x{{/each}}')[0]).toMatch(/Must pass iterator to #each/);
  });

  it('caps the size of each field', () => {
    const big = 'x'.repeat(TEMPLATE_SIZE_LIMITS.html + 1);
    expect(issues(big)).toEqual([`the html is ${big.length} bytes; the limit is 20480`]);
    expect(issues('ä'.repeat(600), 'sms')[0]).toMatch(/1200 bytes; the limit is 1024/);
  });

  it('stops listing after twenty issues', () => {
    const found = issues(Array.from({ length: 30 }, (_, i) => `{{field${i}}}`).join(' '));
    expect(found).toHaveLength(21);
    expect(found[20]).toBe('…and 10 more');
  });
});

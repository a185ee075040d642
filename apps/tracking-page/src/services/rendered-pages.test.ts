import type { PageStore } from '@shiplink/db';
import { RenderedPages } from './rendered-pages';

const storeNamed = (name: string): PageStore => ({
  id: 'store-1',
  name,
  externalRef: 'abc123',
  settings: {},
});

describe('RenderedPages', () => {
  const renderer = (title: string) => {
    const calls: string[] = [];
    const render = (nonce: string) => {
      calls.push(nonce);
      return `<title>${title}</title><style nonce="${nonce}">a{}</style><p>${title}</p>`;
    };
    return { calls, render };
  };

  it('renders a page once and serves it again with each response’s own nonce', () => {
    const pages = new RenderedPages();
    const from = { content: {}, store: storeNamed('Nordic Trail'), variant: 'fi /t/abc' };
    const { calls, render } = renderer('Tilaus 1001');
    const first = pages.page(from, 'nonce-one', render);
    const second = pages.page(from, 'nonce-two', render);
    expect(calls).toHaveLength(1);
    expect(first).toBe(
      '<title>Tilaus 1001</title><style nonce="nonce-one">a{}</style><p>Tilaus 1001</p>',
    );
    expect(second).toBe(first.replace('nonce-one', 'nonce-two'));
  });

  it('renders again for new content, another store object or another variant', () => {
    const pages = new RenderedPages();
    const content = {};
    const store = storeNamed('Nordic Trail');
    const { calls, render } = renderer('Order 1001');
    pages.page({ content, store, variant: 'en /t/abc' }, 'n1', render);
    pages.page({ content: {}, store, variant: 'en /t/abc' }, 'n2', render);
    pages.page({ content, store: storeNamed('Nordic Trail'), variant: 'en /t/abc' }, 'n3', render);
    pages.page({ content, store, variant: 'fi /t/abc' }, 'n4', render);
    expect(calls).toHaveLength(4);
  });

  it('keeps at most so many pages, then starts afresh', () => {
    const pages = new RenderedPages(2);
    const [first, second, third] = [{}, {}, {}];
    const store = storeNamed('Nordic Trail');
    const { calls, render } = renderer('Order 1001');
    for (const content of [first, second, third, third, first]) {
      pages.page({ content, store, variant: 'en /t/abc' }, 'n', render);
    }
    // The third page started afresh: it was kept, and the first was rendered again.
    expect(calls).toHaveLength(4);
  });

  it('renders every time a page whose nonce slot is not exactly once in it', () => {
    const pages = new RenderedPages();
    const from = { content: {}, store: storeNamed('Nordic Trail'), variant: 'en /t/abc' };
    const calls: string[] = [];
    const render = (nonce: string) => {
      calls.push(nonce);
      return '<p>no style element</p>';
    };
    expect(pages.page(from, 'n1', render)).toBe('<p>no style element</p>');
    pages.page(from, 'n2', render);
    expect(calls).toEqual([expect.any(String), 'n1', expect.any(String), 'n2']);
  });
});

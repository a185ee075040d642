import type { PageStore } from '@shiplink/db';

// Letters only, so rendering escapes nothing in it; and since data can never close an attribute
// (quotes are escaped), `nonce="<slot>"` in a rendered page is the one the layout wrote.
const NONCE_SLOT = 'shiplinkStyleNonceSlot';
const SLOT_ATTRIBUTE = `nonce="${NONCE_SLOT}"`;

type Halves = readonly [before: string, after: string];

/** Pages kept at most (about 10 kB each): past it, every page is rendered afresh once more. */
const MAX_PAGES = 2_000;

/**
 * Order pages rendered once and served again, each response with its own style nonce: many
 * customers refresh one order’s page. An entry lives no longer than the order content and
 * the store object it was rendered from (both cached for a few seconds, then replaced by new
 * objects), so a page is never older than its parts.
 */
export class RenderedPages {
  private pages = new WeakMap<object, WeakMap<PageStore, Map<string, Halves>>>();
  private kept = 0;

  constructor(private readonly maxPages = MAX_PAGES) {}

  /**
   * The page for this content, store and `variant` (everything else the page depends on: its
   * language, path and links), with `nonce` in its style element.
   */
  page(
    from: { content: object; store: PageStore; variant: string },
    nonce: string,
    render: (nonce: string) => string,
  ): string {
    if (this.kept >= this.maxPages) {
      // The content caches keep their entries until they fill up: so would this, unbounded.
      this.pages = new WeakMap();
      this.kept = 0;
    }
    let byStore = this.pages.get(from.content);
    if (!byStore) {
      byStore = new WeakMap();
      this.pages.set(from.content, byStore);
    }
    let variants = byStore.get(from.store);
    if (!variants) {
      variants = new Map();
      byStore.set(from.store, variants);
    }
    let halves = variants.get(from.variant);
    if (!halves) {
      const split = render(NONCE_SLOT).split(SLOT_ATTRIBUTE);
      if (split.length !== 2) return render(nonce);
      halves = [split[0] ?? '', split[1] ?? ''];
      variants.set(from.variant, halves);
      this.kept += 1;
    }
    return `${halves[0]}nonce="${nonce}"${halves[1]}`;
  }
}

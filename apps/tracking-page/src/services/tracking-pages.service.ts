import type { AttemptLimits } from '@shiplink/app-kit';
import type { PageStore, Repos } from '@shiplink/db';
import { TtlCache } from '@shiplink/db';
import type { PageLanguage } from '@shiplink/domain';
import type { OrderPageView, PageChrome } from '../views/model';
import { contactMatches } from './contact-match';

/** Lookups limited per client and per order (see the app's set-up). */
export type LookupLimits = AttemptLimits<'client' | 'order'>;
import { brandingOf, canonicalOf, pageSettingsOf, parcelsOf } from './page-data';

type OrderContent = Pick<OrderPageView, 'orderNumber' | 'parcels' | 'unshipped'>;

interface OpenedLink {
  orderId: string;
  store: PageStore;
  language: string | null;
  revoked: boolean;
}

export type Found<T> =
  | ({ outcome: 'found' } & T)
  | { outcome: 'missing' }
  | { outcome: 'limited'; retryAfterSec: number };

/**
 * What the tracking page reads and decides, apart from HTTP: stores by host or slug, lookups
 * (counted against the limits whatever they find), the order behind a link, and an order's
 * parcels as the page shows them, reused for a few seconds since many customers refresh.
 */
export class TrackingPages {
  private readonly content: TtlCache<OrderContent | null>;
  private readonly links: TtlCache<OpenedLink | null>;

  constructor(
    private readonly repos: Pick<Repos, 'trackingPages' | 'timelines' | 'notifications'>,
    private readonly limits: LookupLimits,
    options: { cacheMs: number },
  ) {
    this.content = new TtlCache(options.cacheMs);
    // A revoked link answers "gone" within the same few seconds.
    this.links = new TtlCache(options.cacheMs);
  }

  storeByHost(host: string): Promise<PageStore | undefined> {
    return this.repos.trackingPages.storeByHost(host);
  }

  storeBySlug(slug: string): Promise<PageStore | undefined> {
    return this.repos.trackingPages.storeBySlug(slug.toLowerCase());
  }

  /** The store's path segment on the shared host. */
  slugOf(store: PageStore): string {
    return pageSettingsOf(store).slug ?? store.externalRef;
  }

  chromeOf(store: PageStore, locale: PageLanguage, lookupPath: string) {
    return {
      locale,
      branding: brandingOf(store, pageSettingsOf(store)),
      lookupPath,
    } satisfies Omit<PageChrome, 'styleNonce' | 'languages'>;
  }

  /** An order by its number and the customer's e-mail or postcode: its link's token. */
  async findOrder(
    store: PageStore,
    typed: { orderNumber: string; contact: string },
    client: string,
  ): Promise<Found<{ token: string }>> {
    const wait = await this.limits.take({
      client,
      order: `${store.id}:order:${typed.orderNumber}`,
    });
    if (wait !== undefined) return { outcome: 'limited', retryAfterSec: wait };
    const order = await this.repos.trackingPages.orderByNumber(store.id, typed.orderNumber);
    const canonical = order && canonicalOf(order.canonical);
    if (!order || !canonical || !contactMatches(canonical, typed.contact)) {
      return { outcome: 'missing' };
    }
    // The link's language is the one messages give it; a lookup leaves the choice to the page.
    return { outcome: 'found', token: await this.repos.trackingPages.linkFor(order.id, null) };
  }

  /** Whether the store has a parcel with this number (the page then shows that parcel only). */
  async findParcel(
    store: PageStore,
    trackingNumber: string,
    client: string,
  ): Promise<Found<object>> {
    const shown = await this.parcelPage(store, trackingNumber, client);
    return shown.outcome === 'found' ? { outcome: 'found' } : shown;
  }

  /** One parcel by its tracking number: no order number, no items, no other parcels. */
  async parcelPage(
    store: PageStore,
    trackingNumber: string,
    client: string,
  ): Promise<Found<{ view: OrderContent }>> {
    const number = trackingNumber.trim();
    const wait = await this.limits.take({ client, order: `${store.id}:parcel:${number}` });
    if (wait !== undefined) return { outcome: 'limited', retryAfterSec: wait };
    const orderId = number
      ? await this.repos.trackingPages.orderOfParcel(store.id, number)
      : undefined;
    const timeline = orderId ? await this.repos.timelines.forOrder(orderId) : undefined;
    if (!timeline) return { outcome: 'missing' };
    const { parcels } = parcelsOf(timeline, undefined, { items: false });
    const parcel = parcels.find((p) => p.trackingNumber === number);
    if (!parcel) return { outcome: 'missing' };
    return { outcome: 'found', view: { orderNumber: null, parcels: [parcel], unshipped: null } };
  }

  /** The store and recipient an unsubscribe link is for; undefined for a link not ours. */
  async unsubscribeTarget(token: string) {
    const subject = this.repos.notifications.readUnsubscribeToken(token);
    const store = subject && (await this.repos.trackingPages.store(subject.storeId));
    return subject && store ? { subject, store } : undefined;
  }

  async unsubscribe(target: {
    subject: { storeId: string; channel: string; recipientHash: string };
  }) {
    const { storeId, channel, recipientHash } = target.subject;
    await this.repos.notifications.optOut(storeId, channel, recipientHash, 'unsubscribe');
  }

  /** What a link's token opens: its order, the order's store, and the link's language. */
  async openLink(token: string): Promise<OpenedLink | undefined> {
    const opened = await this.links.get(token, async () => {
      const link = await this.repos.trackingPages.resolve(token);
      const order = link && (await this.repos.trackingPages.order(link.orderId));
      const store = order && (await this.repos.trackingPages.store(order.storeId));
      if (!link || !order || !store) return null;
      return { orderId: order.id, store, language: link.language, revoked: link.revoked };
    });
    return opened ?? undefined;
  }

  /** An order's number, parcels and items not shipped yet, as the page shows them. */
  async orderView(orderId: string, store: PageStore): Promise<OrderContent | undefined> {
    const content = await this.content.get(orderId, async () => {
      const [order, timeline] = await Promise.all([
        this.repos.trackingPages.order(orderId),
        this.repos.timelines.forOrder(orderId),
      ]);
      if (!order || !timeline) return null;
      const { parcels, unshipped } = parcelsOf(timeline, canonicalOf(order.canonical), {
        items: pageSettingsOf(store).showItems,
      });
      return { orderNumber: order.orderNumber, parcels, unshipped };
    });
    return content ?? undefined;
  }
}

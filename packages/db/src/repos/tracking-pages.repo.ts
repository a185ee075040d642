import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../client';
import type { SecretBox } from '../secret-box';
import { TtlCache } from '../ttl-cache';
import { isUniqueViolation } from '../unique';

/** A store as its tracking page needs it. */
export interface PageStore {
  id: string;
  name: string;
  externalRef: string;
  /** The store's settings as saved (the page parses its `trackingPage` part). */
  settings: unknown;
}

/** An order as its tracking page needs it. */
export interface PageOrder {
  id: string;
  storeId: string;
  orderNumber: string;
  /** The canonical order (domain `CanonicalOrder`) as last imported. */
  canonical: unknown;
}

/** What a link's token opens. */
export interface ResolvedLink {
  orderId: string;
  language: string | null;
  revoked: boolean;
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

interface StoreRow {
  id: string;
  name: string;
  external_ref: string;
  settings: unknown;
}
const toStore = (row: StoreRow): PageStore => ({
  id: row.id,
  name: row.name,
  externalRef: row.external_ref,
  settings: row.settings,
});

/**
 * The customer tracking page's reads: stores by host name or slug, orders by number or parcel,
 * and the one opaque link per order that messages carry (its hash looked up, the token kept
 * sealed so every message about the order carries the same link, until it is revoked).
 */
export class TrackingPagesRepo {
  /** Stores change rarely and every page asks for one: read at most every 30 s per key. */
  private readonly stores = new TtlCache<PageStore | null>(30_000);

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  /** The store whose tracking page is served on this host name. */
  async storeByHost(host: string): Promise<PageStore | undefined> {
    const key = host.trim().toLowerCase();
    const store = await this.stores.get(`host:${key}`, async () => {
      const [row] = await this.db.$queryRaw<StoreRow[]>`
        SELECT id, name, external_ref, settings FROM stores
        WHERE settings->'trackingPage'->'domains' ? ${key}
        ORDER BY created_at LIMIT 1`;
      return row ? toStore(row) : null;
    });
    return store ?? undefined;
  }

  /** The store a path's slug names: its tracking page slug, else its own ref when it has none. */
  async storeBySlug(slug: string): Promise<PageStore | undefined> {
    const store = await this.stores.get(`slug:${slug}`, async () => {
      const [row] = await this.db.$queryRaw<StoreRow[]>`
        SELECT id, name, external_ref, settings FROM stores
        WHERE settings->'trackingPage'->>'slug' = ${slug}
           OR (external_ref = ${slug} AND settings->'trackingPage'->>'slug' IS NULL)
        ORDER BY (settings->'trackingPage'->>'slug' IS NULL), created_at LIMIT 1`;
      return row ? toStore(row) : null;
    });
    return store ?? undefined;
  }

  /**
   * Which of a store's tracking page slug and host names another store has already (a page
   * must be one store's). `storeId` null: a store about to be created.
   */
  async claimedElsewhere(
    storeId: string | null,
    page: { slug?: string | undefined; domains: readonly string[] },
  ): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ slug: string | null; domains: unknown }[]>`
      SELECT settings->'trackingPage'->>'slug' AS slug, settings->'trackingPage'->'domains' AS domains
      FROM stores
      WHERE (${storeId}::uuid IS NULL OR id <> ${storeId}::uuid)
        AND (settings->'trackingPage'->>'slug' = ${page.slug ?? null}
             OR settings->'trackingPage'->'domains' ?| ${[...page.domains]}::text[])`;
    const taken = new Set<string>();
    for (const row of rows) {
      if (page.slug && row.slug === page.slug) taken.add(page.slug);
      const domains = Array.isArray(row.domains) ? row.domains : [];
      for (const host of page.domains) if (domains.includes(host)) taken.add(host);
    }
    return [...taken];
  }

  async store(storeId: string): Promise<PageStore | undefined> {
    const store = await this.stores.get(`id:${storeId}`, async () => {
      const row = await this.db.store.findUnique({
        where: { id: storeId },
        select: { id: true, name: true, externalRef: true, settings: true },
      });
      return row ?? null;
    });
    return store ?? undefined;
  }

  async orderByNumber(storeId: string, orderNumber: string): Promise<PageOrder | undefined> {
    const row = await this.db.order.findFirst({
      where: { storeId, orderNumber },
      select: { id: true, storeId: true, orderNumber: true, canonical: true },
    });
    return row ?? undefined;
  }

  async order(orderId: string): Promise<PageOrder | undefined> {
    const row = await this.db.order.findUnique({
      where: { id: orderId },
      select: { id: true, storeId: true, orderNumber: true, canonical: true },
    });
    return row ?? undefined;
  }

  /** The order of the store one of whose (live) parcels has this tracking number. */
  async orderOfParcel(storeId: string, trackingNumber: string): Promise<string | undefined> {
    const shipment = await this.db.shipment.findFirst({
      where: { trackingNumber, voided: false, order: { storeId } },
      select: { orderId: true },
      orderBy: { createdAt: 'desc' },
    });
    return shipment?.orderId;
  }

  /** The order's live link token, made now when it has none. */
  async linkFor(orderId: string, language: string | null): Promise<string> {
    const live = await this.db.trackingPageToken.findFirst({
      where: { orderId, revokedAt: null },
      select: { tokenSealed: true },
    });
    if (live) return this.box.open(live.tokenSealed);
    const token = randomBytes(24).toString('base64url');
    try {
      await this.db.trackingPageToken.create({
        data: { orderId, tokenHash: hashOf(token), tokenSealed: this.box.seal(token), language },
      });
      return token;
    } catch (error) {
      // Made a moment ago by another process: that one is the order's link.
      if (!isUniqueViolation(error)) throw error;
      return this.linkFor(orderId, language);
    }
  }

  async resolve(token: string): Promise<ResolvedLink | undefined> {
    const row = await this.db.trackingPageToken.findUnique({
      where: { tokenHash: hashOf(token) },
      select: { orderId: true, language: true, revokedAt: true },
    });
    return row
      ? { orderId: row.orderId, language: row.language, revoked: row.revokedAt !== null }
      : undefined;
  }

  /** Revokes the order's live link (answered "gone" from now on); the next message gets a new one. */
  async revoke(orderId: string): Promise<boolean> {
    const revoked = await this.db.trackingPageToken.updateMany({
      where: { orderId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return revoked.count > 0;
  }
}

import type { NotificationChannel, NotificationTrigger, PageLanguage } from '@shiplink/domain';
import type { Db } from '../client';
import { TtlCache } from '../ttl-cache';
import { isUniqueViolation } from '../unique';

/** One message a store can word its own way. */
export interface TemplateKey {
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  language: PageLanguage;
}

/** E-mail uses subject, html and text, SMS body; a field left out is the default's. */
export interface TemplateFields {
  subject?: string | null;
  html?: string | null;
  text?: string | null;
  body?: string | null;
}

/** A saved version of a store's template (the notification-templates package validates it). */
export interface StoredTemplate extends TemplateKey {
  id: string;
  storeId: string;
  version: number;
  subject: string | null;
  html: string | null;
  text: string | null;
  body: string | null;
  savedBy: string | null;
  savedAt: Date;
}

type Row = Omit<StoredTemplate, keyof TemplateKey> & {
  trigger: string;
  channel: string;
  language: string;
};

/** Two editors saving at once cost a retry each; this many lets a handful land together. */
const SAVE_ATTEMPTS = 10;

/** A version without any field is a reset: from there on, the defaults apply again. */
const isReset = (row: Row) =>
  row.subject === null && row.html === null && row.text === null && row.body === null;

// Keys are only ever written through save and reset, whose keys are typed.
const toStored = (row: Row): StoredTemplate => row as StoredTemplate;

/** Just the key's fields: a wider object (a stored template) must not add to the filter. */
const keyFilter = (storeId: string, { trigger, channel, language }: TemplateKey) => ({
  storeId,
  trigger,
  channel,
  language,
});

const cacheKey = (storeId: string, key: TemplateKey) =>
  `${storeId}:${key.trigger}:${key.channel}:${key.language}`;

/**
 * The notification templates stores have made their own, in versions (saving never overwrites;
 * the newest applies) per trigger, channel and language. A key never saved, or reset, has no
 * current template: the sender uses the default.
 */
export class NotificationTemplatesRepo {
  /**
   * Every message sent looks its template up. Another process's save is seen within the TTL;
   * this process sees its own at once.
   */
  private readonly cache: TtlCache<StoredTemplate | undefined>;

  constructor(
    private readonly db: Db,
    cacheTtlMs = 5_000,
  ) {
    this.cache = new TtlCache(cacheTtlMs);
  }

  /** The template the store's messages for `key` use, undefined when that is the default. */
  async current(storeId: string, key: TemplateKey): Promise<StoredTemplate | undefined> {
    return this.cache.get(cacheKey(storeId, key), async () => {
      const row = await this.newest(storeId, key);
      return row && !isReset(row) ? toStored(row) : undefined;
    });
  }

  /** The store's current templates, one per key it has made its own (resets left out). */
  async list(storeId: string): Promise<StoredTemplate[]> {
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT DISTINCT ON (trigger, channel, language)
        id, store_id AS "storeId", trigger, channel, language, version,
        subject, html, text, body, saved_by AS "savedBy", saved_at AS "savedAt"
      FROM notification_templates
      WHERE store_id = ${storeId}::uuid
      ORDER BY trigger, channel, language, version DESC`;
    return rows.filter((row) => !isReset(row)).map(toStored);
  }

  /** The versions of one key, newest first, resets included. */
  async history(storeId: string, key: TemplateKey, limit = 20): Promise<StoredTemplate[]> {
    const rows = await this.db.notificationTemplate.findMany({
      where: keyFilter(storeId, key),
      orderBy: { version: 'desc' },
      take: limit,
    });
    return rows.map(toStored);
  }

  /**
   * Saves `fields` as the next version of `key` (none of them given: a reset). Two saves at once
   * cannot take the same version: the loser retries on the next number.
   */
  async save(
    storeId: string,
    key: TemplateKey,
    fields: TemplateFields,
    savedBy: string | null,
  ): Promise<StoredTemplate> {
    const data = {
      ...keyFilter(storeId, key),
      subject: fields.subject ?? null,
      html: fields.html ?? null,
      text: fields.text ?? null,
      body: fields.body ?? null,
      savedBy,
    };
    for (let attempt = 1; ; attempt++) {
      const version = ((await this.newest(storeId, key))?.version ?? 0) + 1;
      try {
        const row = await this.db.notificationTemplate.create({ data: { ...data, version } });
        this.cache.clear();
        return toStored(row);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Back to the default, kept as a version of its own so the history shows it. Returns that
   * version, or undefined when the key was on its default already (nothing is written).
   */
  async reset(
    storeId: string,
    key: TemplateKey,
    savedBy: string | null = null,
  ): Promise<StoredTemplate | undefined> {
    const newest = await this.newest(storeId, key);
    if (!newest || isReset(newest)) {
      this.cache.clear();
      return undefined;
    }
    return this.save(storeId, key, {}, savedBy);
  }

  private async newest(storeId: string, key: TemplateKey): Promise<Row | undefined> {
    const row = await this.db.notificationTemplate.findFirst({
      where: keyFilter(storeId, key),
      orderBy: { version: 'desc' },
    });
    return row ?? undefined;
  }
}

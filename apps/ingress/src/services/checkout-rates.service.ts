import type { Platform } from '@shiplink/app-kit';
import { TtlCache } from '@shiplink/db';
import {
  cartFromRateRequest,
  digest,
  fallbackQuotes,
  quoteRates,
  validateRateRuleSet,
  type Cart,
  type PickupPoint,
  type RateRuleSet,
} from '@shiplink/domain';
import { HttpProblem } from '../http/problems';
import { rateResponse } from './checkout-quote';

/** Checkout waits on us; everything live must fit well inside this. */
export const PICKUP_LOOKUP_TIMEOUT_MS = 800;
/** Pickup points of a postcode are fresh this long, and served stale this long when Posti fails. */
const PICKUP_FRESH_MS = 60 * 60_000;
const PICKUP_STALE_MS = 7 * 24 * 3600_000;
/** How long BigCommerce may keep our quotes for the same cart. */
export const QUOTE_TTL_SECONDS = 300;
/** Rule sets change rarely: re-read at most this often per process. */
const RULES_CACHE_MS = 30_000;

type Note = { text: string; type: 'INFO' | 'WARNING' | 'ERROR' };

interface CachedPoints {
  at: number;
  points: PickupPoint[];
}

/** `work`, or a rejection once `ms` have passed: a source that ignores its timeout cannot hold us. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The key BigCommerce's carrier connection sends: a connection option, or a header. */
function checkoutKeyOf(body: unknown, header: string | undefined): string | undefined {
  const options = (body as { connection_options?: unknown } | null)?.connection_options;
  const key =
    options && typeof options === 'object' ? (options as Record<string, unknown>).key : undefined;
  if (typeof key === 'string' && key.length > 0 && key.length <= 200) return key;
  return header && header.length <= 200 ? header : undefined;
}

/**
 * BigCommerce's Shipping Provider callbacks for a store: quotes from the store's rate rules
 * (pure and local), with the nearest pickup points of the store's carrier for pickup services.
 * Only the pickup points are live: they come from the carrier within a short timeout, else from
 * the cache (stale if need be), else the service is offered without points, and the messages say
 * which. A checkout is never left empty because of us.
 */
export class CheckoutRatesService {
  /** Each store's rules, parsed once: checkouts re-read them at most every 30 s. */
  private readonly rules = new TtlCache<RateRuleSet | undefined>(RULES_CACHE_MS, RULES_CACHE_MS);

  constructor(private readonly platform: Platform) {}

  async rate(storeId: string, body: unknown, keyHeader: string | undefined) {
    await this.authenticate(storeId, body, keyHeader);
    const ruleSet = await this.ruleSet(storeId);
    if (!ruleSet) {
      return rateResponse({
        quoteId: digest(`${storeId}|none`, 24),
        result: { quotes: [], messages: [] },
        pickupPoints: [],
        notes: [{ text: 'No rate rules are configured for this store', type: 'WARNING' }],
        ttlSeconds: 60,
      });
    }
    const parsed = cartFromRateRequest(body, { defaultCurrency: ruleSet.defaultCurrency });
    if (!parsed.ok) {
      throw new HttpProblem(
        400,
        'invalid_rate_request',
        'not a rate request',
        parsed.issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`),
      );
    }
    const { cart } = parsed;
    const live = quoteRates(ruleSet, cart);
    const wantsPoints = live.quotes.some((quote) => quote.needsPickupPoint);
    const { points, notes } = wantsPoints
      ? await this.pickupPoints(storeId, cart)
      : { points: [], notes: [] };
    const result = notes.some((note) => note.type === 'WARNING')
      ? fallbackQuotes(ruleSet, cart)
      : live;
    this.platform.logger.info('checkout quoted', {
      storeId,
      quotes: result.quotes.length,
      pickupPoints: points.length,
    });
    return rateResponse({
      quoteId: digest(`${storeId}|${ruleSet.version}|${JSON.stringify(cart)}`, 24),
      result,
      pickupPoints: points,
      notes,
      ttlSeconds: QUOTE_TTL_SECONDS,
    });
  }

  /** `check_connection_options`: whether the key the merchant entered is the store's. */
  async checkConnection(storeId: string, body: unknown, keyHeader: string | undefined) {
    const key = checkoutKeyOf(body, keyHeader);
    const valid =
      key !== undefined && (await this.platform.repos.rates.checkoutKeyMatches(storeId, key));
    return {
      valid,
      messages: valid
        ? []
        : [{ type: 'ERROR', text: 'The key does not match this store’s Shiplink checkout key' }],
    };
  }

  private async authenticate(storeId: string, body: unknown, keyHeader: string | undefined) {
    const key = checkoutKeyOf(body, keyHeader);
    if (!key || !(await this.platform.repos.rates.checkoutKeyMatches(storeId, key))) {
      throw new HttpProblem(401, 'bad_checkout_key', 'unknown store or wrong checkout key');
    }
  }

  private ruleSet(storeId: string): Promise<RateRuleSet | undefined> {
    return this.rules.get(storeId, async () => {
      const saved = await this.platform.repos.rates.current(storeId);
      const parsed = saved ? validateRateRuleSet(saved.rules) : undefined;
      return parsed?.ok ? parsed.ruleSet : undefined;
    });
  }

  private async pickupPoints(
    storeId: string,
    cart: Cart,
  ): Promise<{ points: PickupPoint[]; notes: Note[] }> {
    const { repos, ports, redis, logger } = this.platform;
    const connection = await repos.tenancy.findStoreConnectionAmong(
      storeId,
      ports.providersWith('pickupPoints'),
    );
    if (!connection) {
      return { points: [], notes: [{ text: 'Pickup point chosen at delivery', type: 'INFO' }] };
    }
    const { country, postcode, city } = cart.destination;
    const cacheKey = `checkout:pickup:${connection.id}:${country}:${postcode.replace(/\s+/g, '')}`;
    const cached = await redis
      .get(cacheKey)
      .then((raw) => (raw ? (JSON.parse(raw) as CachedPoints) : undefined))
      .catch(() => undefined);
    if (cached && Date.now() - cached.at < PICKUP_FRESH_MS)
      return { points: cached.points, notes: [] };
    try {
      const points = await within(
        PICKUP_LOOKUP_TIMEOUT_MS + 100,
        ports
          .pickupPoints(connection)
          .nearest(
            { country, postcode, street: null, city: city ?? null },
            { limit: 5, timeoutMs: PICKUP_LOOKUP_TIMEOUT_MS },
          ),
      );
      await redis
        .set(cacheKey, JSON.stringify({ at: Date.now(), points }), 'PX', PICKUP_STALE_MS)
        .catch(() => undefined);
      return { points, notes: [] };
    } catch (error) {
      logger.warn('pickup points unavailable at checkout', {
        storeId,
        error: error instanceof Error ? error.message : String(error),
      });
      if (cached) {
        return {
          points: cached.points,
          notes: [{ text: 'Pickup points as last known', type: 'INFO' }],
        };
      }
      return {
        points: [],
        notes: [
          { text: 'Pickup points could not be loaded; choose one at delivery', type: 'WARNING' },
        ],
      };
    }
  }
}

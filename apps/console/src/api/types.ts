/* The shapes the console reads from the admin API and the session API. */

export type Role = 'owner' | 'operator' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'operator', 'viewer'];

export type Principal =
  | { kind: 'platform' }
  | { kind: 'user'; tenantId: string; userId: string; email: string; role: Role };

export interface Session {
  principal: Principal;
  csrfToken: string;
}

export interface Store {
  id: string;
  tenantId: string;
  name: string;
  platform: string;
  externalRef: string;
  installedAt?: string | null;
  uninstalledAt?: string | null;
  /** The store's settings (StoreSettings), with every default filled in. */
  settings?: Record<string, unknown>;
}

export interface Connection {
  id: string;
  provider: string;
  storeId: string;
  baseUrl: string;
  webhook: { url: string; secretFingerprint: string; secret?: string; newSecretFrom?: string };
}

export interface ConnectionHealth {
  connectionId: string;
  provider: string;
  active: boolean;
  lastEventAt: string | null;
  webhooks: {
    checked: boolean;
    expected: string[];
    present: string[];
    missing: string[];
    error?: string;
  };
  tokenExpiresAt: string | null;
}

export interface WebhookRegistration {
  registered: string[];
  existing: string[];
  manualSetup?: string;
}

export type ReviewStatus = 'open' | 'released' | 'dismissed';

export interface Review {
  id: string;
  orderNumber: string;
  orderRef: string;
  connectionId: string;
  reason: string;
  details: string | null;
  skus: string[];
  status: ReviewStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface SkuMapping {
  storeSku: string;
  fulfilmentSku: string;
  productRef: string | null;
  source: string;
  mappedBy: string | null;
  mappedAt: string;
  connectionId: string;
}

export interface SavedRuleSet {
  storeId: string;
  version: number;
  rules: unknown;
  savedBy: string | null;
  savedAt: string;
}

export interface OrderHit {
  storeId: string;
  storeName: string;
  orderNumber: string;
  status: string;
  customerEmailMasked: string | null;
  placedAt: string | null;
  matchedBy: string;
}

/**
 * An order's story: its facts, `timeline` (every entry, oldest first; see lib/story.ts), the
 * parcels' `tracking` timelines, and the records behind them in sections of their own.
 */
export interface OrderStory {
  order: Record<string, unknown>;
  timeline: unknown[];
  [section: string]: unknown;
}

export interface DeadLetter {
  id: string;
  queue: string;
  jobName: string;
  provider: string | null;
  connectionId: string | null;
  reason: string;
  error: string;
  attemptsMade: number;
  status: 'open' | 'replayed';
  failedAt: string;
  replayCount: number;
  lastReplayedAt: string | null;
}

export interface ReplayAnswer {
  dryRun: boolean;
  matched: number;
  items: DeadLetter[];
  replayed: number;
  /** Matched, but no longer parked in their queue (already replayed, or removed). */
  missing?: number;
}

export interface ReturnItem {
  id: string;
  sku: string;
  quantity: number;
  condition: string | null;
  restock: boolean;
}

export interface ReturnRecord {
  id: string;
  storeId: string;
  orderId: string;
  source: string;
  sourceRef: string;
  state: string;
  reason: string | null;
  trackingNumber: string | null;
  refundState: string;
  refundTotal: string | null;
  refundNote: string | null;
  approvedBy: string | null;
  createdAt: string;
  items: ReturnItem[];
}

export interface User {
  id: string;
  email: string;
  name?: string | null;
  role: Role;
  createdAt: string;
  lastLoginAt: string | null;
  /** Removed users stay listed, disabled, so the admin-actions log keeps naming them. */
  disabledAt?: string | null;
}

export type TokenScope = 'read' | 'write';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy?: string | null;
}

/** One entry of the admin-actions log; the actor comes flat (`actorLabel`) or nested. */
export interface AdminAction {
  id?: string;
  at: string;
  actor?: { kind: string; id: string | null; label: string };
  actorKind?: string;
  actorLabel?: string;
  action: string;
  target: string | null;
  detail: unknown;
}

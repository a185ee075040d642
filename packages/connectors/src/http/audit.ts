/** One HTTP exchange with a provider, as the audit trail records it (already redacted). */
export interface OutboundExchange {
  provider: string;
  connectionId: string | undefined;
  correlationId: string | undefined;
  orderRef: string | undefined;
  method: string;
  /** The endpoint template, e.g. `GET /v2/orders/{id}`; the concrete path goes in metadata. */
  endpoint: string;
  status: number | undefined;
  durationMs: number;
  error: string | undefined;
  metadata: Record<string, unknown>;
}

/** Where exchanges go; the db package's buffered audit writer implements it. */
export interface AuditSink {
  outbound(exchange: OutboundExchange): void;
}

export const noAudit: AuditSink = { outbound: () => undefined };

import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { Ports } from '@shiplink/connectors';
import type { LabelledShipment, Repos } from '@shiplink/db';
import { classifyFailure } from '@shiplink/errors';
import { HttpProblem } from '../http/problems';
import {
  PRINT_LIMIT,
  present,
  type CarrierShipmentView,
  type LabelPrint,
  type LabelPrintPlan,
  type MissingLabel,
  type PrintedLabel,
  type PrintLimit,
  type PrintQuery,
} from './label-views';

/** Labels read (or fetched from the carrier) at once while a print is assembled. */
const PRINT_CONCURRENCY = 4;

/** A label the hub cannot give: how the label route answers it, and how a print lists it. */
interface LabelRefusal {
  ok: false;
  status: number;
  code: 'label_unavailable' | 'connection_inactive';
  cause: string;
  message: string;
}
type LabelOutcome = { ok: true; pdf: Buffer } | LabelRefusal;

interface Selection extends PrintLimit {
  shipments: LabelledShipment[];
  /** Orders asked for by number that no selected consignment belongs to. */
  unreached: MissingLabel[];
}

const trackingNumbersOf = (record: LabelledShipment) =>
  record.parcels.map((parcel) => parcel.trackingNumber);

/**
 * The label PDFs of Posti consignments: one consignment's, or many orders' merged into one PDF
 * to print in one go. A label the carrier could not give when the consignment was made is
 * fetched when it is first asked for, and kept.
 */
export class LabelsService {
  constructor(
    private readonly repos: Repos,
    private readonly ports: Pick<Ports, 'shipments'>,
  ) {}

  async list(storeId: string, orderNumber: string): Promise<CarrierShipmentView[]> {
    await this.requireStore(storeId);
    return (await this.repos.carrierShipments.forOrder(storeId, orderNumber)).map(present);
  }

  async label(id: string): Promise<{ pdf: Buffer; orderNumber: string }> {
    const record = await this.repos.carrierShipments.find(id);
    if (!record) throw new HttpProblem(404, 'unknown_carrier_shipment', 'no such consignment');
    if (record.status !== 'created') {
      throw new HttpProblem(409, 'not_created', `the consignment is ${record.status}, not created`);
    }
    const outcome = await this.pdfOf(record);
    if (!outcome.ok) {
      throw new HttpProblem(outcome.status, outcome.code, outcome.message, {
        reason: outcome.cause,
      });
    }
    return { pdf: outcome.pdf, orderNumber: record.orderNumber };
  }

  /**
   * Many consignments' labels as one PDF, oldest consignment first. A label that cannot be had
   * is listed as missing and the others are printed; 404 when none can be.
   */
  async print(query: PrintQuery): Promise<LabelPrint> {
    const { shipments, unreached, ...limit } = await this.select(query);
    const outcomes = await mapLimited(shipments, PRINT_CONCURRENCY, (record) => this.pdfOf(record));
    const { PDFDocument } = await pdfLib();
    const merged = await PDFDocument.create();
    const included: PrintedLabel[] = [];
    const missing: MissingLabel[] = [];
    for (const [index, record] of shipments.entries()) {
      const outcome = outcomes[index]!;
      const of = { orderNumber: record.orderNumber, carrierShipmentId: record.id };
      if (!outcome.ok) {
        missing.push(missingOf(record, outcome));
        continue;
      }
      const pages = await appendPages(merged, outcome.pdf);
      if (pages === undefined) {
        missing.push({
          ...of,
          reason: 'label_unreadable',
          message: 'the label is no PDF with pages that can be read',
        });
        continue;
      }
      included.push({ ...of, trackingNumbers: trackingNumbersOf(record), pages });
    }
    missing.push(...unreached);
    if (included.length === 0) {
      throw new HttpProblem(
        404,
        'no_labels',
        shipments.length === 0
          ? 'no created consignment matches'
          : `none of the ${shipments.length} consignment(s) has a label to print`,
        { missing },
      );
    }
    return { pdf: Buffer.from(await merged.save()), included, missing, ...limit };
  }

  /** What `print` would hold: which labels are kept and which it would ask the carrier for. */
  async printPlan(query: PrintQuery): Promise<LabelPrintPlan> {
    const { shipments, unreached, ...limit } = await this.select(query);
    const active = new Map<string, boolean>();
    const included: LabelPrintPlan['included'] = [];
    const missing: MissingLabel[] = [];
    for (const record of shipments) {
      const of = { orderNumber: record.orderNumber, carrierShipmentId: record.id };
      if (!record.hasLabel) {
        if (!active.has(record.connectionId)) {
          const connection = await this.repos.tenancy.findConnection(record.connectionId);
          active.set(record.connectionId, connection?.active === true);
        }
        if (!active.get(record.connectionId)) {
          missing.push(missingOf(record, inactive(record)));
          continue;
        }
      }
      included.push({
        ...of,
        trackingNumbers: trackingNumbersOf(record),
        label: record.hasLabel ? 'stored' : 'fetch',
        labelError: record.labelError,
      });
    }
    return { included, missing: [...missing, ...unreached], ...limit };
  }

  /** The kept label, else the carrier's (kept for next time); a carrier's failure is noted. */
  private async pdfOf(record: LabelledShipment): Promise<LabelOutcome> {
    const kept = record.hasLabel ? await this.repos.carrierShipments.label(record.id) : undefined;
    if (kept) return { ok: true, pdf: kept };
    const connection = await this.repos.tenancy.findConnection(record.connectionId);
    if (!connection?.active) return { ok: false, status: 409, ...inactive(record) };
    let pdf: Buffer;
    try {
      pdf = await this.ports.shipments(connection).labels({
        shipmentRef: record.shipmentRef,
        reference: record.reference ?? '',
        parcels: record.parcels,
      });
    } catch (error) {
      const failure = classifyFailure(error);
      await this.repos.carrierShipments.labelFailed(record.id, failure.message);
      return {
        ok: false,
        status: 502,
        code: 'label_unavailable',
        cause: failure.reason,
        message: `the carrier could not give the label: ${failure.message}`,
      };
    }
    await this.repos.carrierShipments.saveLabel(record.id, pdf);
    return { ok: true, pdf };
  }

  /** The consignments a print holds, at most `PRINT_LIMIT`, and the orders it cannot reach. */
  private async select(query: PrintQuery): Promise<Selection> {
    await this.requireStore(query.storeId);
    const rows = await this.repos.carrierShipments.forPrinting({
      ...query,
      limit: PRINT_LIMIT + 1,
    });
    const shipments = rows.slice(0, PRINT_LIMIT);
    const next = rows[PRINT_LIMIT];
    const reached = new Set(shipments.map((record) => record.orderNumber));
    const unreached = (query.orderNumbers ?? [])
      .filter((orderNumber) => !reached.has(orderNumber))
      .map((orderNumber): MissingLabel =>
        next
          ? {
              orderNumber,
              carrierShipmentId: null,
              reason: 'over_print_limit',
              message: `not reached: a print holds at most ${PRINT_LIMIT} consignments`,
            }
          : {
              orderNumber,
              carrierShipmentId: null,
              reason: 'no_consignment',
              message: 'the order has no created consignment in this store',
            },
      );
    return {
      shipments,
      unreached,
      limit: PRINT_LIMIT,
      truncated: next !== undefined,
      // `since` includes its instant: the next print starts with the first consignment left out.
      nextSince: next ? (next.consignedAt ?? next.createdAt).toISOString() : null,
    };
  }

  private async requireStore(storeId: string): Promise<void> {
    if (!(await this.repos.tenancy.getStore(storeId))) {
      throw new HttpProblem(404, 'unknown_store', 'no such store');
    }
  }
}

type Refusal = Pick<LabelRefusal, 'code' | 'cause' | 'message'>;

const inactive = (record: LabelledShipment): Refusal => ({
  code: 'connection_inactive',
  cause: 'connection.unknown',
  message: `the label is not kept and connection ${record.connectionId} is gone or disabled`,
});

/** PDF handling, loaded when labels are first printed: most ingress processes never print. */
const pdfLib = () => import('pdf-lib');

const missingOf = (record: LabelledShipment, refusal: Refusal): MissingLabel => ({
  orderNumber: record.orderNumber,
  carrierShipmentId: record.id,
  reason: refusal.code,
  cause: refusal.cause,
  message: refusal.message,
});

/**
 * Copies a label's pages to the end of `merged`: their count, or undefined when the bytes are no
 * PDF with pages that pdf-lib can read (nothing is added then).
 */
async function appendPages(merged: PDFDocument, pdf: Buffer): Promise<number | undefined> {
  let pages: PDFPage[];
  try {
    const { PDFDocument } = await pdfLib();
    const label = await PDFDocument.load(pdf, { updateMetadata: false });
    pages = await merged.copyPages(label, label.getPageIndices());
  } catch {
    return undefined;
  }
  if (pages.length === 0) return undefined;
  for (const page of pages) merged.addPage(page);
  return pages.length;
}

/** `fn` over `items`, at most `limit` at a time; the answers in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { renderLabels } from './labels';
import type { PrinettiEndpoint, PrinettiFaults } from './prinetti-faults';
import { authenticateRouting } from './prinetti-routing';
import {
  CreateShipmentDocumentSchema,
  describeIssue,
  PrintLabelDocumentSchema,
  RoutingSchema,
} from './prinetti-schemas';
import type { PrinettiShipments } from './prinetti-shipments';
import {
  decodeXmlBody,
  element,
  parseXml,
  prinettiResponseXml,
  prinettiStatusXml,
  sendXml,
} from './prinetti-xml';
import type { MerchantAccount, ShipmentRecord } from './records';
import type { ParcelOf, PostiSimState } from './state';

/** What the Prinetti routes work with. */
export interface PrinettiDeps {
  state: PostiSimState;
  shipments: PrinettiShipments;
  faults: PrinettiFaults;
  now: () => number;
}

const RoutedDocumentSchema = z.object({ eChannel: z.object({ ROUTING: RoutingSchema }) });

/** `response.status` 230: the body is not the XML the endpoint takes. Prinetti answers HTTP 200. */
const invalid = (res: Response, message: string) =>
  sendXml(res, 200, prinettiStatusXml(230, message));

/**
 * The parsed document and the authenticated merchant, or undefined once the answer is sent: 230
 * for a body that is not well-formed XML or has no valid ROUTING, 401 with status 100 when
 * Routing.Account / Routing.Key do not authenticate (Pakettikauppa documents no status for this;
 * see the report), or the queued fault.
 */
function routed(
  deps: PrinettiDeps,
  endpoint: PrinettiEndpoint,
  req: Request,
  res: Response,
): { document: unknown; account: MerchantAccount; routingId: string } | undefined {
  const text = Buffer.isBuffer(req.body) ? decodeXmlBody(req.body) : undefined;
  if (text === undefined) {
    invalid(res, 'Send the document as text/xml, in UTF-8 or as its XML declaration says');
    return undefined;
  }
  // The request log then shows the document rather than a Buffer.
  req.body = text;
  const parsed = parseXml(text);
  if ('error' in parsed) {
    invalid(res, parsed.error);
    return undefined;
  }
  const routing = RoutedDocumentSchema.safeParse(parsed.document);
  if (!routing.success) {
    invalid(res, describeIssue(routing.error.issues));
    return undefined;
  }
  const auth = authenticateRouting(deps.state, routing.data.eChannel.ROUTING);
  if ('error' in auth) {
    sendXml(res, 401, prinettiStatusXml(100, auth.error));
    return undefined;
  }
  const fault = deps.faults.take(endpoint);
  if (fault) {
    sendXml(res, fault.httpStatus ?? 200, prinettiStatusXml(fault.status, fault.message));
    return undefined;
  }
  return {
    document: parsed.document,
    account: auth.account,
    routingId: routing.data.eChannel.ROUTING['Routing.Id'],
  };
}

/** The create-shipment answer: the shipment's reference and one tracking code per parcel. */
const createdXml = (shipment: ShipmentRecord) =>
  prinettiResponseXml(0, 'OK', [
    element('response.reference', shipment.reference, { uuid: shipment.uuid }),
    ...shipment.parcels.map((parcel) =>
      element('response.trackingcode', parcel.trackingCode, {
        uuid: parcel.uuid,
        ...(parcel.labelCode ? { labelcode: parcel.labelCode } : {}),
      }),
    ),
  ]);

/** The parcels a PrintLabel asks for (its TrackingCodes, else every parcel of its Reference). */
function labelParcels(
  state: PostiSimState,
  apiKey: string,
  reference: string,
  trackingCodes: string[],
): ParcelOf[] | string {
  if (trackingCodes.length === 0) {
    const shipment = reference ? state.findShipment(reference, apiKey) : undefined;
    if (!shipment) return reference ? `Unknown Reference ${reference}` : 'Give a TrackingCode';
    return shipment.parcels.map((parcel) => ({ shipment, parcel }));
  }
  const parcels: ParcelOf[] = [];
  for (const code of trackingCodes) {
    const found = state.parcel(code);
    if (!found || found.shipment.apiKey !== apiKey) return `Unknown TrackingCode ${code}`;
    parcels.push(found);
  }
  return parcels;
}

/** `POST /prinetti/create-shipment` and `POST /prinetti/get-shipping-label` (XML in, XML out). */
export function prinettiRoutes(deps: PrinettiDeps): Router {
  const router = express.Router();
  const xmlBody = express.raw({
    type: (req) => !req.headers['content-type']?.includes('json'),
    limit: '5mb',
  });

  router.post('/prinetti/create-shipment', xmlBody, (req, res) => {
    const request = routed(deps, 'create-shipment', req, res);
    if (!request) return;
    const earlier = deps.shipments.repeated(request.account, request.routingId);
    if (earlier) return sendXml(res, 200, createdXml(earlier));
    const parsed = CreateShipmentDocumentSchema.safeParse(request.document);
    if (!parsed.success) return invalid(res, describeIssue(parsed.error.issues));
    const outcome = deps.shipments.create(request.account, parsed.data);
    if ('invalid' in outcome) return invalid(res, outcome.invalid);
    sendXml(res, 200, createdXml(outcome.shipment));
  });

  router.post('/prinetti/get-shipping-label', xmlBody, async (req, res) => {
    const request = routed(deps, 'get-shipping-label', req, res);
    if (!request) return;
    const parsed = PrintLabelDocumentSchema.safeParse(request.document);
    if (!parsed.success) return invalid(res, describeIssue(parsed.error.issues));
    const label = parsed.data.eChannel.PrintLabel;
    const codes = (label.TrackingCode ?? []).map((code) => code.trim()).filter(Boolean);
    const parcels = labelParcels(deps.state, request.account.apiKey, label.Reference, codes);
    if (typeof parcels === 'string') return sendXml(res, 200, prinettiStatusXml(100, parcels));
    const cancelled = parcels.find(({ shipment }) => shipment.cancelledAt !== undefined);
    if (cancelled) {
      return sendXml(
        res,
        200,
        prinettiStatusXml(100, `Shipment ${cancelled.shipment.reference} is cancelled`),
      );
    }
    const pdf = Buffer.from(await renderLabels(parcels, deps.now()));
    // "inline" is the docs' other format, undescribed; the simulator answers the PDF itself.
    if (label['@responseFormat']?.toLowerCase() === 'inline') {
      return void res.status(200).type('application/pdf').send(pdf);
    }
    sendXml(
      res,
      200,
      prinettiResponseXml(0, 'OK', [
        element('response.file', pdf.toString('base64'), { encode: 'base64' }),
      ]),
    );
  });

  return router;
}

import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { ADDITIONAL_SERVICES, type AdditionalServiceCode } from './additional-services';
import { findPickupPoint } from './pickup-points';
import type { Party } from './records';
import { shippingMethod } from './shipping-methods';
import type { ParcelOf } from './state';

/** A6 portrait, in points: 105 × 148 mm. */
const PAGE: [number, number] = [297.64, 419.53];
const MARGIN = 16;
const INK = rgb(0, 0, 0);
const POSTI_ORANGE = rgb(1, 0.4, 0);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Characters the standard fonts (WinAnsi) can draw: Finnish and Swedish letters included. */
  drawable: Set<number>;
}

const drawableText = (fonts: Fonts, text: string) =>
  [...text].map((char) => (fonts.drawable.has(char.codePointAt(0) ?? 0) ? char : '?')).join('');

/** Draws one line at (x, y), cut to `maxWidth`. */
function line(
  page: PDFPage,
  fonts: Fonts,
  text: string,
  at: { x: number; y: number; size: number; bold?: boolean; maxWidth?: number },
) {
  const font = at.bold ? fonts.bold : fonts.regular;
  const maxWidth = at.maxWidth ?? PAGE[0] - at.x - MARGIN;
  let shown = drawableText(fonts, text);
  while (shown.length > 1 && font.widthOfTextAtSize(shown, at.size) > maxWidth) {
    shown = shown.slice(0, -2) + '…';
  }
  page.drawText(shown, { x: at.x, y: at.y, size: at.size, font, color: INK });
}

const addressLines = (party: Party) =>
  [
    party.name1,
    party.name2,
    party.addr1,
    party.addr2,
    party.addr3,
    `${party.postcode} ${party.city.toUpperCase()}`,
    party.country === 'FI' ? '' : party.country,
  ].filter((text) => text.trim() !== '');

/**
 * A barcode-like drawing of `code`: each character's seven bits as a thin or a thick bar with a
 * gap after it, between guard bars, scaled to `width`. Not a scannable Code 128; it shows where
 * the code goes and changes with it.
 */
function barcode(page: PDFPage, code: string, x: number, y: number, width: number, height: number) {
  const bars = [
    2,
    2,
    ...[...code].flatMap((char) => {
      const bits = (char.codePointAt(0) ?? 0) & 0x7f;
      return Array.from({ length: 7 }, (_, index) => ((bits >> (6 - index)) & 1 ? 2.2 : 1));
    }),
    2,
    2,
  ];
  const gap = 1;
  const units = bars.reduce((sum, bar) => sum + bar + gap, 0);
  const scale = width / units;
  let cursor = x;
  for (const bar of bars) {
    page.drawRectangle({ x: cursor, y, width: bar * scale, height, color: INK });
    cursor += (bar + gap) * scale;
  }
}

function servicesText({ shipment }: ParcelOf): string {
  return shipment.additionalServices
    .filter((service) => !['9901', '2106'].includes(service.serviceCode))
    .map((service) => {
      const info = ADDITIONAL_SERVICES[service.serviceCode as AdditionalServiceCode];
      return info ? `${service.serviceCode} ${info.name.FI}` : service.serviceCode;
    })
    .join(', ');
}

function drawLabel(page: PDFPage, fonts: Fonts, of: ParcelOf, index: number, total: number) {
  const { shipment, parcel } = of;
  const [width, height] = PAGE;
  const product = shippingMethod(shipment.product);
  let y = height - MARGIN;

  page.drawRectangle({ x: 0, y: height - 44, width, height: 44, color: POSTI_ORANGE });
  line(page, fonts, 'POSTI', { x: MARGIN, y: height - 30, size: 20, bold: true });
  line(page, fonts, `${product?.name.FI ?? 'Paketti'} ${shipment.product}`, {
    x: 110,
    y: height - 24,
    size: 11,
    bold: true,
  });
  line(page, fonts, `Kolli ${index}/${total}`, { x: 110, y: height - 37, size: 9 });
  y = height - 60;

  line(page, fonts, 'Lähettäjä / Avsändare / From', { x: MARGIN, y, size: 7 });
  for (const text of addressLines(shipment.sender)) {
    y -= 10;
    line(page, fonts, text, { x: MARGIN, y, size: 8 });
  }
  y -= 18;
  line(page, fonts, 'Vastaanottaja / Mottagare / To', { x: MARGIN, y, size: 7 });
  for (const [number, text] of addressLines(shipment.recipient).entries()) {
    y -= 15;
    line(page, fonts, text, { x: MARGIN, y, size: number === 0 ? 13 : 12, bold: true });
  }
  if (shipment.recipient.phone) {
    y -= 12;
    line(page, fonts, `Puh. ${shipment.recipient.phone}`, { x: MARGIN, y, size: 8 });
  }
  const point = shipment.pickupPointId ? findPickupPoint(shipment.pickupPointId) : undefined;
  if (point) {
    y -= 16;
    line(page, fonts, `Noutopiste ${point.id}: ${point.name}`, {
      x: MARGIN,
      y,
      size: 8,
      bold: true,
    });
    y -= 10;
    line(page, fonts, `${point.streetAddress}, ${point.postcode} ${point.city}`, {
      x: MARGIN,
      y,
      size: 8,
    });
  }
  const services = servicesText(of);
  if (services) {
    y -= 14;
    line(page, fonts, `Lisäpalvelut: ${services}`, { x: MARGIN, y, size: 7 });
  }
  if (shipment.cashOnDelivery) {
    y -= 14;
    const euros = (shipment.cashOnDelivery.amountCents / 100).toFixed(2).replace('.', ',');
    line(page, fonts, `POSTIENNAKKO ${euros} EUR`, { x: MARGIN, y, size: 11, bold: true });
  }

  const details = [
    `Paino ${parcel.weightKg} kg`,
    parcel.volumeM3 === undefined ? '' : `Tilavuus ${parcel.volumeM3} m3`,
    `Viite ${shipment.reference}`,
  ].filter(Boolean);
  line(page, fonts, details.join('   '), { x: MARGIN, y: 118, size: 8 });
  barcode(page, parcel.trackingCode, MARGIN, 48, width - 2 * MARGIN, 62);
  line(page, fonts, parcel.trackingCode, { x: MARGIN, y: 30, size: 13, bold: true });
  if (parcel.labelCode) {
    line(page, fonts, `Lähetyskoodi ${parcel.labelCode}`, { x: MARGIN, y: 16, size: 8 });
  }
}

/** A PDF with one A6 label page per parcel, in the order given. */
export async function renderLabels(parcels: ParcelOf[], now: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const fonts: Fonts = { regular, bold, drawable: new Set(regular.getCharacterSet()) };
  pdf.setTitle(`Posti labels ${parcels.map(({ parcel }) => parcel.trackingCode).join(' ')}`);
  pdf.setProducer('Shiplink Posti simulator');
  pdf.setCreationDate(new Date(now));
  for (const of of parcels) {
    const siblings = of.shipment.parcels;
    drawLabel(pdf.addPage(PAGE), fonts, of, siblings.indexOf(of.parcel) + 1, siblings.length);
  }
  return pdf.save();
}

import Handlebars from 'handlebars';
import { textColorOn } from './contrast';
import { FONT } from './helpers';
import { LAYOUT_WORDS } from './layout-words';
import type { NotificationContext } from './model';
import { statusWords } from '@shiplink/domain';
import { mailtoUrl, telUrl } from './urls';

/**
 * The branded frame around every e-mail's content. Mail clients differ wildly, so it is the
 * lowest common denominator: nested tables, inline styles, a fixed 600 px column (Outlook reads
 * the `width` attribute, not CSS), and one small `<style>` whose media query only makes the
 * column fluid on phones; clients that drop it still get a readable, if narrower, message.
 * `context` is template data (see data.ts): its URLs and colours are already checked.
 */

const e = (value: string): string => Handlebars.Utils.escapeExpression(value);

const PAGE_BG = '#f4f5f7';
const FOOTER_BG = '#f9fafb';
// 7.5:1 on the footer's background.
const MUTED = '#4b5563';

function header(context: NotificationContext): string {
  const { store } = context;
  const color = textColorOn(store.primaryColor);
  const brand = store.logoUrl
    ? `<img src="${e(store.logoUrl)}" alt="${e(store.name)}" height="40" style="display:block;height:40px;max-width:240px;border:0;outline:none;text-decoration:none;color:${color};font-size:20px;font-weight:bold;">`
    : e(store.name);
  return (
    `<tr><td class="sl-pad" bgcolor="${store.primaryColor}" style="background-color:${store.primaryColor};` +
    `color:${color};padding:20px 32px;font-family:${FONT};font-size:20px;line-height:28px;font-weight:bold;">` +
    `${brand}</td></tr>`
  );
}

function contacts(context: NotificationContext): string[] {
  const { supportEmail, supportPhone, supportUrl } = context.store;
  const link = (href: string, label: string) =>
    `<a href="${e(href)}" style="color:${MUTED};text-decoration:underline;">${e(label)}</a>`;
  const mailto = mailtoUrl(supportEmail);
  const tel = telUrl(supportPhone);
  return [
    supportEmail ? (mailto ? link(mailto, supportEmail) : e(supportEmail)) : null,
    supportPhone ? (tel ? link(tel, supportPhone) : e(supportPhone)) : null,
    supportUrl ? link(supportUrl, supportUrl.replace(/^https:\/\//, '').replace(/\/$/, '')) : null,
  ].filter((part): part is string => part !== null);
}

function footer(context: NotificationContext): string {
  const words = LAYOUT_WORDS[context.language];
  const contact = contacts(context);
  const paragraph = (html: string, last = false) =>
    `<p style="margin:0${last ? '' : ' 0 8px'};">${html}</p>`;
  const unsubscribe = context.links.unsubscribe
    ? paragraph(
        `<a href="${e(context.links.unsubscribe)}" style="color:${MUTED};text-decoration:underline;">${e(words.unsubscribe)}</a>`,
        true,
      )
    : '';
  return (
    `<tr><td class="sl-pad" bgcolor="${FOOTER_BG}" style="background-color:${FOOTER_BG};border-top:1px solid #e5e7eb;` +
    `padding:24px 32px;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};">` +
    (contact.length ? paragraph(`${e(words.questions)} ${contact.join(' &middot; ')}`) : '') +
    paragraph(e(words.reason.replace('{store}', context.store.name)), !unsubscribe) +
    unsubscribe +
    `</td></tr>`
  );
}

/**
 * The inbox shows the first text of a message next to its subject. Without a preheader that
 * would be the store's name or the logo's alt text; with one it is the news itself. The
 * zero-width joiners after it keep clients from pulling body text into the preview.
 */
function preheader(context: NotificationContext): string {
  const { parcel } = context;
  // An order's news has no parcel: the order and the store say what it is about.
  const text = parcel
    ? `${statusWords(parcel.status, context.language)} · ${parcel.carrierName} ${parcel.trackingNumber}`
    : `${LAYOUT_WORDS[context.language].order} ${context.order.number} · ${context.store.name}`;
  return (
    `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${PAGE_BG};">` +
    `${e(text)}${'&#8204;&nbsp;'.repeat(40)}</div>`
  );
}

const STYLE =
  '<style>' +
  '@media only screen and (max-width:620px){' +
  '.sl-container{width:100% !important;max-width:100% !important;}' +
  '.sl-pad{padding-left:16px !important;padding-right:16px !important;}' +
  '}</style>';

/** The whole HTML document: `content` is the rendered (already escaped) template content. */
export function emailLayout(
  content: string,
  subject: string,
  context: NotificationContext,
): string {
  return (
    '<!DOCTYPE html>' +
    `<html lang="${context.language}" dir="ltr"><head>` +
    '<meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="x-apple-disable-message-reformatting">' +
    '<meta name="color-scheme" content="light"><meta name="supported-color-schemes" content="light">' +
    `<title>${e(subject)}</title>${STYLE}</head>` +
    `<body style="margin:0;padding:0;background-color:${PAGE_BG};">` +
    preheader(context) +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${PAGE_BG}" style="background-color:${PAGE_BG};">` +
    '<tr><td align="center" style="padding:24px 8px;">' +
    '<table role="presentation" class="sl-container" width="600" cellpadding="0" cellspacing="0" border="0" ' +
    'bgcolor="#ffffff" style="width:600px;max-width:600px;background-color:#ffffff;border-radius:8px;overflow:hidden;">' +
    header(context) +
    `<tr><td class="sl-pad" style="padding:32px;font-family:${FONT};font-size:16px;line-height:24px;color:#1a1a1a;">` +
    `${content}</td></tr>` +
    footer(context) +
    '</table></td></tr></table></body></html>'
  );
}

/** The plain-text counterpart of the footer, appended to the rendered text part. */
export function textFooter(context: NotificationContext): string {
  const words = LAYOUT_WORDS[context.language];
  const { supportEmail, supportPhone, supportUrl } = context.store;
  const contact = [supportEmail, supportPhone, supportUrl].filter(Boolean).join(' · ');
  return [
    '-- ',
    context.store.name,
    contact ? `${words.questions} ${contact}` : null,
    words.reason.replace('{store}', context.store.name),
    context.links.unsubscribe ? `${words.unsubscribe}: ${context.links.unsubscribe}` : null,
  ]
    .filter((line): line is string => line !== null && line !== '')
    .join('\n');
}

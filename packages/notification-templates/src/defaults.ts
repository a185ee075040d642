import type { PageLanguage } from '@shiplink/domain';
import type { LanguageCopy, TriggerCopy } from './defaults/copy';
import { de } from './defaults/de';
import { en } from './defaults/en';
import { fi } from './defaults/fi';
import { sv } from './defaults/sv';
import {
  isOrderNotificationTrigger,
  type EmailTemplate,
  type NotificationTrigger,
  type OrderNotificationTrigger,
  type SmsTemplate,
} from './model';

/**
 * The templates a store starts with, laid out here from each language's words (defaults/*.ts)
 * so that all share one structure: heading, greeting, the news, the estimate when there is
 * one, the parcel's details, the tracking button, what to do, the items, thanks. An order's
 * news has no parcel: its details are the order's (and a refund's amount, a return's items),
 * and its button opens the order's page. What a merchant edits is the generated Handlebars
 * source, which is ordinary, readable template code.
 */

const COPY: Readonly<Record<PageLanguage, LanguageCopy>> = { en, fi, sv, de };

// Once delivered or back at the store, an estimate is history, not news.
const NO_ESTIMATE: ReadonlySet<NotificationTrigger> = new Set(['delivered', 'returned']);

const TEXT = 'color:#1a1a1a;';
const P = `margin:0 0 16px;${TEXT}`;
const CELL = 'padding:8px 0;border-bottom:1px solid #e5e7eb;font-size:14px;line-height:20px;';

const LAST_EVENT =
  '{{parcel.lastEvent.message}}' +
  '{{#if parcel.lastEvent.location}} · {{parcel.lastEvent.location}}{{/if}}' +
  '{{#if parcel.lastEvent.occurredAt}} · {{date parcel.lastEvent.occurredAt style="medium"}}{{/if}}';

const row = (label: string, value: string) =>
  `<tr><td style="${CELL}color:#4b5563;padding-right:16px;white-space:nowrap;vertical-align:top;">${label}</td>` +
  `<td style="${CELL}${TEXT}font-weight:bold;">${value}</td></tr>`;

/** An order's details beyond its number, each shown only when the news carries it. */
function orderDetails(copy: LanguageCopy, trigger: OrderNotificationTrigger) {
  const { labels } = copy;
  switch (trigger) {
    case 'refund_issued':
      return [{ field: 'facts.amount', label: labels.refundAmount }];
    case 'return_received':
      return [{ field: 'facts.items', label: labels.returnedItems }];
    default:
      return [];
  }
}

function orderHtml(copy: LanguageCopy, trigger: OrderNotificationTrigger, words: TriggerCopy) {
  return [
    `<h1 style="margin:0 0 16px;font-size:24px;line-height:32px;font-weight:bold;${TEXT}">${words.heading}</h1>`,
    `<p style="${P}">${copy.greeting}</p>`,
    `<p style="${P}">${words.intro}</p>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 0;">',
    row(copy.labels.orderNumber, '{{order.number}}'),
    ...orderDetails(copy, trigger).flatMap(({ field, label }) => [
      `{{#if ${field}}}`,
      row(label, `{{${field}}}`),
      '{{/if}}',
    ]),
    '</table>',
    `{{button links.trackingPage "${copy.viewOrder}"}}`,
    ...(words.advice ? [`<p style="${P}">${words.advice}</p>`] : []),
    `<p style="margin:0;${TEXT}">${copy.thanks}<br>{{store.name}}</p>`,
  ].join('\n');
}

function orderText(copy: LanguageCopy, trigger: OrderNotificationTrigger, words: TriggerCopy) {
  return [
    words.heading,
    '',
    copy.greeting,
    '',
    words.intro,
    '',
    `${copy.labels.orderNumber}: {{order.number}}`,
    ...orderDetails(copy, trigger).flatMap(({ field, label }) => [
      `{{#if ${field}}}`,
      `${label}: {{${field}}}`,
      '{{/if}}',
    ]),
    '',
    `${copy.viewOrder}: {{links.trackingPage}}`,
    ...(words.advice ? ['', words.advice] : []),
    '',
    copy.thanks,
    '{{store.name}}',
  ].join('\n');
}

function html(copy: LanguageCopy, trigger: NotificationTrigger, words: TriggerCopy): string {
  if (isOrderNotificationTrigger(trigger)) return orderHtml(copy, trigger, words);
  const { labels } = copy;
  return [
    `<h1 style="margin:0 0 16px;font-size:24px;line-height:32px;font-weight:bold;${TEXT}">${words.heading}</h1>`,
    `<p style="${P}">${copy.greeting}</p>`,
    `<p style="${P}">${words.intro}</p>`,
    ...(NO_ESTIMATE.has(trigger)
      ? []
      : [
          '{{#if parcel.estimatedDelivery}}',
          `<p style="${P}">${labels.estimatedDelivery}: <strong>{{date parcel.estimatedDelivery}}</strong></p>`,
          '{{/if}}',
        ]),
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 0;">',
    row(labels.status, '{{status parcel.status}}'),
    row(
      labels.carrier,
      '{{#if parcel.trackingUrl}}<a href="{{parcel.trackingUrl}}" target="_blank" rel="noopener" style="color:#1a1a1a;text-decoration:underline;">{{parcel.carrierName}}</a>{{else}}{{parcel.carrierName}}{{/if}}',
    ),
    row(labels.trackingNumber, '{{parcel.trackingNumber}}'),
    '{{#if parcel.lastEvent.message}}',
    row(labels.latestUpdate, LAST_EVENT),
    '{{/if}}',
    '</table>',
    `{{button links.trackingPage "${copy.track}"}}`,
    ...(words.advice ? [`<p style="${P}">${words.advice}</p>`] : []),
    '{{#if parcel.items}}',
    `<p style="margin:8px 0 4px;font-weight:bold;${TEXT}">${labels.items}</p>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;">',
    '{{#each parcel.items}}',
    `<tr><td style="${CELL}${TEXT}">{{name}}</td><td align="right" style="${CELL}${TEXT}white-space:nowrap;">× {{quantity}}</td></tr>`,
    '{{/each}}',
    '</table>',
    '{{/if}}',
    `<p style="margin:0;${TEXT}">${copy.thanks}<br>{{store.name}}</p>`,
  ].join('\n');
}

// Lines holding nothing but a block tag vanish when rendered (Handlebars' standalone rule), so
// the blank line that opens each optional part lives inside its block.
function text(copy: LanguageCopy, trigger: NotificationTrigger, words: TriggerCopy): string {
  if (isOrderNotificationTrigger(trigger)) return orderText(copy, trigger, words);
  const { labels } = copy;
  return [
    words.heading,
    '',
    copy.greeting,
    '',
    words.intro,
    ...(NO_ESTIMATE.has(trigger)
      ? []
      : [
          '{{#if parcel.estimatedDelivery}}',
          '',
          `${labels.estimatedDelivery}: {{date parcel.estimatedDelivery}}`,
          '{{/if}}',
        ]),
    '',
    `${labels.status}: {{status parcel.status}}`,
    `${labels.carrier}: {{parcel.carrierName}}`,
    `${labels.trackingNumber}: {{parcel.trackingNumber}}`,
    '{{#if parcel.lastEvent.message}}',
    `${labels.latestUpdate}: ${LAST_EVENT}`,
    '{{/if}}',
    '',
    `${copy.track}: {{links.trackingPage}}`,
    ...(words.advice ? ['', words.advice] : []),
    '{{#if parcel.items}}',
    '',
    `${labels.items}:`,
    '{{#each parcel.items}}',
    '- {{quantity}} × {{name}}',
    '{{/each}}',
    '{{/if}}',
    '',
    copy.thanks,
    '{{store.name}}',
  ].join('\n');
}

/** A fresh copy of the default templates for `trigger` in `language`. */
export function defaultTemplates(
  trigger: NotificationTrigger,
  language: PageLanguage,
): { email: EmailTemplate; sms: SmsTemplate } {
  const copy = COPY[language];
  const words = copy.triggers[trigger];
  return {
    email: {
      subject: words.subject,
      html: html(copy, trigger, words),
      text: text(copy, trigger, words),
    },
    sms: { body: words.sms },
  };
}

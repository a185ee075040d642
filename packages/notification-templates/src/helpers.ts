import Handlebars from 'handlebars';
import type { PageLanguage } from '@shiplink/domain';
import { textColorOn } from './contrast';
import { DEFAULT_ACCENT, isPageLanguage } from './data';
import { formatDate, isDateStyle } from './dates';
import { statusWords } from '@shiplink/domain';
import { webUrl } from './urls';

/**
 * The helpers merchant templates may call. Each is pure and total: a wrong argument renders
 * something harmless (usually nothing) rather than failing a customer's notification.
 */

type Options = Handlebars.HelperOptions;

/** Handlebars passes its options object last, after however many arguments the template gave. */
function split(args: unknown[]): { params: unknown[]; options: Options } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as Options };
}

// Helpers read the message's language and brand from the data the template was run with.
function root(options: Options): { language: PageLanguage; accentColor: string } {
  const data: unknown = options.data?.root;
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const store = record.store as Record<string, unknown> | undefined;
  const accent = store?.accentColor;
  return {
    language: isPageLanguage(record.language) ? record.language : 'en',
    accentColor: typeof accent === 'string' ? accent : DEFAULT_ACCENT,
  };
}

/** `{{date parcel.estimatedDelivery}}`, `{{date parcel.lastEvent.occurredAt style="medium"}}`. */
function date(...args: unknown[]): string {
  const { params, options } = split(args);
  const [value] = params;
  if (typeof value !== 'string' || value.trim() === '') return '';
  const style = options.hash?.style;
  return formatDate(value, root(options).language, isDateStyle(style) ? style : 'full');
}

/** `{{status parcel.status}}`: the customer's words for a tracking status. */
function status(...args: unknown[]): string {
  const { params, options } = split(args);
  return statusWords(params[0], root(options).language);
}

/** `{{#if (eq trigger "delivered")}}` or, as a block, `{{#eq trigger "delivered"}}…{{else}}…{{/eq}}`. */
function eq(this: unknown, ...args: unknown[]): unknown {
  const { params, options } = split(args);
  const equal = params.length === 2 && params[0] === params[1];
  if (typeof options.fn !== 'function') return equal;
  return equal ? options.fn(this) : options.inverse(this);
}

export const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/**
 * `{{button links.trackingPage "Track your parcel"}}`: a "bulletproof" table button in the
 * store's accent colour with readable text, which every mail client draws the same. The URL
 * must be a web URL (otherwise there is no button), and both arguments are escaped here.
 */
function button(...args: unknown[]): Handlebars.SafeString | string {
  const { params, options } = split(args);
  const [url, label] = params;
  const href = typeof url === 'string' ? webUrl(url) : null;
  if (!href || typeof label !== 'string' || label.trim() === '') return '';
  const background = root(options).accentColor;
  const color = textColorOn(background);
  const e = Handlebars.Utils.escapeExpression;
  return new Handlebars.SafeString(
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;">` +
      `<tr><td align="center" bgcolor="${background}" style="border-radius:6px;background-color:${background};">` +
      `<a href="${e(href)}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 28px;` +
      `font-family:${FONT};font-size:16px;font-weight:bold;line-height:20px;color:${color};` +
      `text-decoration:none;border-radius:6px;">${e(label)}</a></td></tr></table>`,
  );
}

export const PLAIN_HELPERS = { date, status, eq } as const;
/** The button is markup, so only HTML content may use it. */
export const HTML_HELPERS = { ...PLAIN_HELPERS, button } as const;

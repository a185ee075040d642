import type { NotificationContext, ParcelContext } from './model';

/**
 * The shape of NotificationContext as data, for checking the paths a template names. The typed
 * `object` builder makes the compiler insist on every field, so a field added to the context
 * cannot be forgotten here (nor one kept that was removed).
 */
export type Shape =
  | { readonly kind: 'value' }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: 'list'; readonly item: Shape }
  /** Not known statically (`{{#each}}` over an object's values): anything below is accepted. */
  | { readonly kind: 'any' };

export const VALUE: Shape = { kind: 'value' };
export const ANY: Shape = { kind: 'any' };

function object<T>(fields: { readonly [K in keyof T]-?: Shape }): Shape {
  return { kind: 'object', fields };
}

function list(item: Shape): Shape {
  return { kind: 'list', item };
}

type Parcel = ParcelContext;

export const CONTEXT_SHAPE: Shape = object<NotificationContext>({
  language: VALUE,
  trigger: VALUE,
  store: object<NotificationContext['store']>({
    name: VALUE,
    logoUrl: VALUE,
    primaryColor: VALUE,
    accentColor: VALUE,
    supportEmail: VALUE,
    supportPhone: VALUE,
    supportUrl: VALUE,
  }),
  customer: object<NotificationContext['customer']>({ name: VALUE }),
  order: object<NotificationContext['order']>({ number: VALUE }),
  parcel: object<Parcel>({
    carrierName: VALUE,
    trackingNumber: VALUE,
    trackingUrl: VALUE,
    status: VALUE,
    estimatedDelivery: VALUE,
    lastEvent: object<Parcel['lastEvent']>({ message: VALUE, location: VALUE, occurredAt: VALUE }),
    items: list(object<Parcel['items'][number]>({ name: VALUE, quantity: VALUE })),
  }),
  facts: object<NotificationContext['facts']>({ amount: VALUE, currency: VALUE, items: VALUE }),
  links: object<NotificationContext['links']>({ trackingPage: VALUE, unsubscribe: VALUE }),
});

/**
 * Names that lead into prototypes. Handlebars refuses them at run time already; they are
 * refused here too, even below an `any`, so a template that tries is told so when saved.
 */
const FORBIDDEN = new Set([
  'constructor',
  'prototype',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** The shape one step below `shape`, or undefined when there is no such field. */
export function child(shape: Shape, part: string): Shape | undefined {
  if (FORBIDDEN.has(part)) return undefined;
  switch (shape.kind) {
    case 'any':
      return ANY;
    case 'object':
      return Object.hasOwn(shape.fields, part) ? shape.fields[part] : undefined;
    case 'list':
      // `items.[0].name` and `items.length` are what arrays offer a template.
      if (/^\d+$/.test(part)) return shape.item;
      return part === 'length' ? VALUE : undefined;
    case 'value':
      return undefined;
  }
}

/** The field names one can use below `shape`, for telling a merchant what exists. */
export function fieldNames(shape: Shape): string[] {
  if (shape.kind === 'object') return Object.keys(shape.fields);
  if (shape.kind === 'list') return ['length', '[0]'];
  return [];
}

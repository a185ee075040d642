import type { NotificationChannel, PageLanguage } from '@shiplink/domain';
import { effectiveTemplates, type TemplateOverrides } from './effective';
import type { NotificationContext, NotificationTrigger, RenderedEmail } from './model';
import { renderEmail, renderSms } from './render';
import { sampleContext } from './samples';

export interface SmsPreview {
  body: string;
  /** What the rendered body counts in JavaScript; its encoding and parts are the provider's business. */
  characters: number;
}

export interface PreviewOptions {
  trigger: NotificationTrigger;
  language: PageLanguage;
  /** The store's fields (saved or a draft) over the defaults; none: the defaults. */
  template?: TemplateOverrides | null;
  /** The store's brand, in place of the sample store's. */
  store?: Partial<NotificationContext['store']>;
}

/**
 * A message as the store's customers would get it, made from the sample order (samples.ts) for
 * `trigger` in `language`. Rendering fails as sending would (PermanentError) when a template
 * cannot render; validateStoreTemplate says why beforehand.
 */
export function previewTemplate(channel: 'email', options: PreviewOptions): RenderedEmail;
export function previewTemplate(channel: 'sms', options: PreviewOptions): SmsPreview;
export function previewTemplate(
  channel: NotificationChannel,
  options: PreviewOptions,
): RenderedEmail | SmsPreview;
export function previewTemplate(
  channel: NotificationChannel,
  { trigger, language, template, store }: PreviewOptions,
): RenderedEmail | SmsPreview {
  const templates = effectiveTemplates(trigger, language, template);
  const context = sampleContext(trigger, language, store);
  if (channel === 'email') return renderEmail(templates.email, context);
  const body = renderSms(templates.sms, context);
  return { body, characters: body.length };
}

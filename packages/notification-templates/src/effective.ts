import type { NotificationChannel, PageLanguage } from '@shiplink/domain';
import { defaultTemplates } from './defaults';
import type { EmailTemplate, NotificationTrigger, SmsTemplate, TemplateKind } from './model';

/** The fields a store saves per channel: an e-mail's three parts, an SMS's one. */
export const CHANNEL_FIELDS = {
  email: ['subject', 'html', 'text'],
  sms: ['body'],
} as const satisfies Record<NotificationChannel, readonly string[]>;
export type TemplateField = (typeof CHANNEL_FIELDS)[NotificationChannel][number];

/** How each field is checked and rendered (an SMS body is the `sms` kind). */
export const FIELD_KINDS: Readonly<Record<TemplateField, TemplateKind>> = {
  subject: 'subject',
  html: 'html',
  text: 'text',
  body: 'sms',
};

/**
 * A store's own fields for one message (a saved version fits as it is): each one given replaces
 * the default's, and one left out (or null) follows the default, new wording included.
 */
export type TemplateOverrides = { readonly [field in TemplateField]?: string | null };

export interface EffectiveTemplates {
  email: EmailTemplate;
  sms: SmsTemplate;
  /** Whether any field is the store's own rather than the default's. */
  customized: boolean;
}

/** The templates a message for `trigger` in `language` is made from: the store's over the defaults. */
export function effectiveTemplates(
  trigger: NotificationTrigger,
  language: PageLanguage,
  stored?: TemplateOverrides | null,
): EffectiveTemplates {
  const defaults = defaultTemplates(trigger, language);
  const own = stored ?? {};
  return {
    email: {
      subject: own.subject ?? defaults.email.subject,
      html: own.html ?? defaults.email.html,
      text: own.text ?? defaults.email.text,
    },
    sms: { body: own.body ?? defaults.sms.body },
    customized: (Object.keys(FIELD_KINDS) as TemplateField[]).some(
      (field) => own[field] !== undefined && own[field] !== null,
    ),
  };
}

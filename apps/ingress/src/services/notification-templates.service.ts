import { z } from 'zod';
import { parseStoreSettings } from '@shiplink/connectors';
import type { Repos, StoreRecord, StoredTemplate, TemplateKey } from '@shiplink/db';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TRIGGERS,
  NotificationChannelSchema,
  NotificationTriggerSchema,
  PAGE_LANGUAGES,
  PageLanguageSchema,
  storeBrand,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type {
  EmailTemplate,
  RenderedEmail,
  SmsPreview,
  SmsTemplate,
  TemplateField,
  TemplateOverrides,
} from '@shiplink/notification-templates';
import { displayName } from '../http/params';
import { HttpProblem } from '../http/problems';

// No length here: validateTemplate says what a field's limit is, in a 422 next to its other issues.
export const EmailFieldsSchema = z
  .object({
    subject: z.string().optional(),
    html: z.string().optional(),
    text: z.string().optional(),
  })
  .strict();
export const SmsFieldsSchema = z.object({ body: z.string() }).strict();

const atLeastOneField = (fields: object) => Object.keys(fields).some((name) => name !== 'by');

/** A save names the fields it sets; the others stay the default's. */
export const SaveTemplateSchemas = {
  email: EmailFieldsSchema.extend({ by: displayName.optional() })
    .strict()
    .refine(atLeastOneField, 'give at least one of subject, html, text'),
  sms: SmsFieldsSchema.extend({ by: displayName.optional() }).strict(),
} as const;

const previewOf = <C extends z.ZodType, T extends z.ZodType>(channel: C, template: T) =>
  z
    .object({
      trigger: NotificationTriggerSchema,
      language: PageLanguageSchema,
      channel,
      template: template.optional(),
    })
    .strict();
/** A draft to preview, or none: the store's current template. */
export const PreviewTemplateSchema = z.discriminatedUnion('channel', [
  previewOf(z.literal('email'), EmailFieldsSchema),
  previewOf(z.literal('sms'), SmsFieldsSchema),
]);
export type PreviewTemplateInput = z.infer<typeof PreviewTemplateSchema>;

/** One template of a store as the admin API lists it. */
export interface TemplateSummary extends TemplateKey {
  /** False: the default, which a store that never saved (or reset) it uses. */
  customized: boolean;
  version: number | null;
  savedAt: Date | null;
  savedBy: string | null;
}

export interface TemplateView extends TemplateSummary {
  /** The fields the store set; the others are the default's (and follow it when it changes). */
  customizedFields: TemplateField[];
  /** The source messages are made from: the store's fields over the default. */
  template: EmailTemplate | SmsTemplate;
}

/** Refuses a value not in `values` as an unknown path segment, listing the ones there are. */
function oneOf<T extends string>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
  values: readonly T[],
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(404, `unknown_${what}`, `${what}s are: ${values.join(', ')}`);
  }
  return parsed.data;
}

/** A template's key from the path (or the command line): 404 for a value that names none. */
export function templateKey(values: { trigger: unknown; channel: unknown; language: unknown }) {
  return {
    trigger: oneOf(NotificationTriggerSchema, values.trigger, 'trigger', NOTIFICATION_TRIGGERS),
    channel: oneOf(NotificationChannelSchema, values.channel, 'channel', NOTIFICATION_CHANNELS),
    language: oneOf(PageLanguageSchema, values.language, 'language', PAGE_LANGUAGES),
  } satisfies TemplateKey;
}

const sameKey = (a: TemplateKey, b: TemplateKey) =>
  a.trigger === b.trigger && a.channel === b.channel && a.language === b.language;

function invalidTemplate(issues: string[]): HttpProblem {
  return new HttpProblem(422, 'invalid_template', 'the template does not validate', issues);
}

function summary(key: TemplateKey, stored: StoredTemplate | undefined): TemplateSummary {
  return {
    trigger: key.trigger,
    channel: key.channel,
    language: key.language,
    customized: stored !== undefined,
    version: stored?.version ?? null,
    savedAt: stored?.savedAt ?? null,
    savedBy: stored?.savedBy ?? null,
  };
}

/**
 * A store's customer notification templates: every trigger, channel and language, each the
 * default until the store saves its own (validated, in versions), and a preview of any of them
 * (saved, default or a draft) for the sample order in the store's own brand.
 */
/** The template engine (Handlebars, MJML), loaded when a template is first shown or checked. */
const engine = () => import('@shiplink/notification-templates');

export class NotificationTemplatesService {
  constructor(private readonly repos: Repos) {}

  /** All of them, defaults included: every trigger × 2 channels × 4 languages. */
  async list(storeId: string): Promise<TemplateSummary[]> {
    await this.requireStore(storeId);
    const stored = await this.repos.notificationTemplates.list(storeId);
    return NOTIFICATION_TRIGGERS.flatMap((trigger) =>
      NOTIFICATION_CHANNELS.flatMap((channel) =>
        PAGE_LANGUAGES.map((language) => {
          const key = { trigger, channel, language };
          return summary(
            key,
            stored.find((each) => sameKey(each, key)),
          );
        }),
      ),
    );
  }

  async show(storeId: string, key: TemplateKey): Promise<TemplateView> {
    await this.requireStore(storeId);
    const stored = await this.repos.notificationTemplates.current(storeId, key);
    const { CHANNEL_FIELDS, effectiveTemplates } = await engine();
    const effective = effectiveTemplates(key.trigger, key.language, stored);
    return {
      ...summary(key, stored),
      customizedFields: CHANNEL_FIELDS[key.channel].filter(
        (field) => stored?.[field] !== undefined && stored[field] !== null,
      ),
      template: key.channel === 'email' ? effective.email : effective.sms,
    };
  }

  /** Validates `fields` and saves them as the next version (422 with every issue by field). */
  async save(
    storeId: string,
    key: TemplateKey,
    fields: TemplateOverrides,
    by: string | null,
  ): Promise<{ version: number; savedAt: Date }> {
    await this.requireStore(storeId);
    await this.validate(key, fields);
    const saved = await this.repos.notificationTemplates.save(storeId, key, fields, by);
    return { version: saved.version, savedAt: saved.savedAt };
  }

  /** Back to the default (the history keeps what was); a template on its default stays so. */
  async reset(storeId: string, key: TemplateKey, by: string | null = null): Promise<void> {
    await this.requireStore(storeId);
    await this.repos.notificationTemplates.reset(storeId, key, by);
  }

  /** The draft when given (validated first), else what the store's messages use now. */
  async preview(storeId: string, input: PreviewTemplateInput): Promise<RenderedEmail | SmsPreview> {
    const store = await this.requireStore(storeId);
    const { trigger, channel, language } = input;
    const key = { trigger, channel, language };
    if (input.template) await this.validate(key, input.template);
    const template: TemplateOverrides | undefined =
      input.template ?? (await this.repos.notificationTemplates.current(storeId, key));
    const brand = storeBrand(parseStoreSettings(store.settings, store.id).trackingPage, store.name);
    const { previewTemplate } = await engine();
    try {
      return previewTemplate(channel, {
        trigger,
        language,
        template: template ?? null,
        store: brand,
      });
    } catch (error) {
      // The sample order in the store's brand can still trip a template the sample store passed.
      if (error instanceof PermanentError) throw invalidTemplate([error.message]);
      throw error;
    }
  }

  private async validate(key: TemplateKey, fields: TemplateOverrides): Promise<void> {
    const { validateStoreTemplate } = await engine();
    const checked = validateStoreTemplate(key.channel, fields, key);
    if (!checked.ok) throw invalidTemplate(checked.issues);
  }

  private async requireStore(storeId: string): Promise<StoreRecord> {
    const store = await this.repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
    return store;
  }
}

import type { NotificationChannel, PageLanguage } from '@shiplink/domain';
import {
  CHANNEL_FIELDS,
  FIELD_KINDS,
  type TemplateField,
  type TemplateOverrides,
} from './effective';
import type { NotificationTrigger } from './model';
import { validateTemplate, type TemplateValidation } from './validate';

const isField = (name: string): name is TemplateField => Object.hasOwn(FIELD_KINDS, name);

/**
 * Whether a store may save (or preview) `fields` as its `channel` template for `trigger` in
 * `language`: every field given is checked on its own, as the kind it renders as. Issues name
 * their field (`subject: line 1, column 4: …`), so an editor can show each next to its input.
 */
export function validateStoreTemplate(
  channel: NotificationChannel,
  fields: TemplateOverrides,
  options: { trigger: NotificationTrigger; language: PageLanguage },
): TemplateValidation {
  const allowed: readonly string[] = CHANNEL_FIELDS[channel];
  const issues: string[] = [];
  for (const [name, source] of Object.entries(fields)) {
    if (source === undefined || source === null) continue;
    if (!allowed.includes(name) || !isField(name)) {
      issues.push(`${name}: ${channel} templates have ${allowed.join(', ')}`);
      continue;
    }
    const checked = validateTemplate(source, FIELD_KINDS[name], options);
    if (!checked.ok) issues.push(...checked.issues.map((issue) => `${name}: ${issue}`));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true };
}

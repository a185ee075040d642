/* Notification templates as the console edits them: a key per template, and what a save sends. */

export interface TemplateKey {
  trigger: string;
  channel: 'email' | 'sms';
  language: string;
}

export const templateLabel = (key: TemplateKey): string =>
  `${key.trigger} ${key.channel} ${key.language}`;

export const templatePath = (storeId: string, key: TemplateKey): string =>
  [storeId, 'notification-templates', key.trigger, key.channel, key.language]
    .map(encodeURIComponent)
    .join('/');

export type SaveFields =
  { ok: true; fields: Record<string, string> } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields a save names: those edited, and those the store had set already (a field a save
 * leaves out goes back to the default's). Unchanged default fields stay the default's, so they
 * keep following it.
 */
export function fieldsToSave(
  original: Record<string, unknown>,
  edited: unknown,
  customized: readonly string[],
): SaveFields {
  if (!isRecord(edited)) return { ok: false, message: 'The template is a JSON object of fields.' };
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(edited)) {
    if (typeof value !== 'string') return { ok: false, message: `${name} must be text.` };
    if (value !== original[name] || customized.includes(name)) fields[name] = value;
  }
  if (Object.keys(fields).length === 0) {
    return { ok: false, message: 'Nothing changed: the template is still the default.' };
  }
  return { ok: true, fields };
}
